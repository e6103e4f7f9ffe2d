using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Review.Critique;

/// <summary>One point of the Union's critique (báo cáo phản biện): free text, backed by the items it draws on.</summary>
public sealed record CritiquePoint(string Text, IReadOnlyList<Guid> ItemIds);

/// <summary>A recommendation to one addressee (the requesting body, a department…).</summary>
public sealed record Recommendation(string Addressee, string Text, IReadOnlyList<Guid> ItemIds);

public sealed record PointInput(string? Text, IReadOnlyList<Guid>? ItemIds);

public sealed record RecommendationInput(string? Addressee, string? Text, IReadOnlyList<Guid>? ItemIds);

/// <summary>A moderator saved the whole critique report; each save is a new version on the consultation's stream.</summary>
public sealed record CritiqueDrafted(
    Guid ConsultationId, IReadOnlyList<CritiquePoint> Strengths, IReadOnlyList<CritiquePoint> Shortcomings,
    IReadOnlyList<Recommendation> Recommendations, string DraftedBy, DateTimeOffset DraftedAt);

/// <summary>The latest critique report of a consultation (kept inline with the consultation's stream).</summary>
public sealed record CritiqueReport(
    Guid Id, IReadOnlyList<CritiquePoint> Strengths, IReadOnlyList<CritiquePoint> Shortcomings,
    IReadOnlyList<Recommendation> Recommendations, string DraftedBy, DateTimeOffset DraftedAt);

public sealed class CritiqueReportProjection : SingleStreamProjection<CritiqueReport, Guid>
{
    public static CritiqueReport Create(CritiqueDrafted e) => new(e.ConsultationId, e.Strengths, e.Shortcomings, e.Recommendations, e.DraftedBy, e.DraftedAt);

    public static CritiqueReport Apply(CritiqueDrafted e, CritiqueReport _) => Create(e);
}

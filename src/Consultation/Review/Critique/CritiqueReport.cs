using Marten;
using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

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

/// <summary>Validates a critique report and stores it; the cited items must be public items of the consultation.</summary>
public sealed class DraftCritique(IQuerySession session, ConsultationStream stream)
{
    public const int MaxPoints = 50;
    public const int MaxTextLength = 10_000;
    public const int MaxAddresseeLength = 300;

    public async Task<CommandOutcome> Execute(
        Guid consultationId, IReadOnlyList<PointInput>? strengths, IReadOnlyList<PointInput>? shortcomings,
        IReadOnlyList<RecommendationInput>? recommendations, string moderator, CancellationToken cancellation = default)
    {
        var errors = new Dictionary<string, string[]>();
        var good = Points(strengths ?? [], "strengths", errors);
        var bad = Points(shortcomings ?? [], "shortcomings", errors);
        var advice = new List<Recommendation>();
        recommendations ??= [];
        if (recommendations.Count > MaxPoints) errors["recommendations"] = [$"Tối đa {MaxPoints} kiến nghị."];
        else
            for (var i = 0; i < recommendations.Count; i++)
            {
                var r = recommendations[i];
                TextRules.Check(r?.Addressee, $"recommendations[{i}].addressee", MaxAddresseeLength, required: true, "Nơi nhận kiến nghị", errors);
                TextRules.Check(r?.Text, $"recommendations[{i}].text", MaxTextLength, required: true, "Nội dung kiến nghị", errors);
                if (r?.Addressee is { } to && r.Text is { } text) advice.Add(new Recommendation(to.Trim(), text, r.ItemIds ?? []));
            }
        if (errors.Count == 0 && good.Count + bad.Count + advice.Count == 0) errors["strengths"] = ["Báo cáo cần ít nhất một ưu điểm, hạn chế hoặc kiến nghị."];
        var cited = good.Concat(bad).SelectMany(p => p.ItemIds).Concat(advice.SelectMany(r => r.ItemIds)).Distinct().ToArray();
        if (errors.Count == 0 && cited.Length > 0)
        {
            var found = await session.Query<FeedbackItem>()
                .Where(x => x.ConsultationId == consultationId && x.Status == FeedbackStatus.Published && x.Id.IsOneOf(cited))
                .CountAsync(cancellation);
            if (found != cited.Length) errors["itemIds"] = ["Một số góp ý được trích không thuộc đợt lấy ý kiến này hoặc không còn hiển thị."];
        }
        if (errors.Count > 0) return new(Decision.Invalid(errors), null);
        return await stream.Append(consultationId, (state, now) => Decision.Accept(new CritiqueDrafted(state.Id, good, bad, advice, moderator, now)), cancellation);
    }

    private static List<CritiquePoint> Points(IReadOnlyList<PointInput> points, string field, Dictionary<string, string[]> errors)
    {
        if (points.Count > MaxPoints)
        {
            errors[field] = [$"Tối đa {MaxPoints} ý."];
            return [];
        }
        var valid = new List<CritiquePoint>();
        for (var i = 0; i < points.Count; i++)
        {
            TextRules.Check(points[i]?.Text, $"{field}[{i}].text", MaxTextLength, required: true, "Nội dung", errors);
            if (points[i]?.Text is { } text) valid.Add(new CritiquePoint(text, points[i].ItemIds ?? []));
        }
        return valid;
    }
}

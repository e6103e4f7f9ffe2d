using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Recommendations;

/// <summary>Where a recommendation stands: made, sent to an agency (awaiting its answer), answered.</summary>
public enum RecommendationStatus
{
    Submitted,
    Routed,
    Answered,
}

/// <summary>One recommendation as every reader reads it, kept inline with its stream. Never deleted: hidden with a reason, and restored.</summary>
public sealed record Recommendation(
    Guid Id,
    string Topic,
    IReadOnlyList<string> Fields,
    string Text,
    Attribution Attribution,
    AuthorSnapshot Author,
    DateTimeOffset SubmittedAt,
    bool Hidden,
    string? ModerationReason,
    string? Agency,
    DateTimeOffset? DueAt,
    string? RoutedBy,
    string? Answer,
    DateTimeOffset? AnsweredAt)
{
    public const int MaxTopicLength = 200;
    public const int MaxTextLength = 5_000;
    public const int MaxFields = 10;
    public const int MaxFieldLength = 100;
    public const int MaxAnswerLength = 10_000;
    public const int MaxReasonLength = 2_000;

    /// <summary>The agency it is routed to, whose officials alone answer it; null when not routed, or routed by name only before agencies existed.</summary>
    public Guid? AgencyId { get; init; }

    /// <summary>Whether <paramref name="official"/> answers for the agency it is routed to (any official for one routed by name only).</summary>
    public bool AnsweredBy(Caller official) => official.IsOfficial && (AgencyId is null || official.AgencyId == AgencyId);

    public string AuthorUserName => Author.UserName;

    public RecommendationStatus Status => Answer is not null ? RecommendationStatus.Answered : Agency is not null ? RecommendationStatus.Routed : RecommendationStatus.Submitted;

    /// <summary>Routed, unanswered and past its deadline.</summary>
    public bool IsOverdue(DateTimeOffset now) => Answer is null && DueAt is { } due && now > due;

    /// <summary>The author as the public reads them: "Ẩn danh" when anonymous, else their public name.</summary>
    public string PublicAuthorName => Attribution == Attribution.Anonymous ? FeedbackItem.AnonymousName : Author.PublicName;
}

public sealed class RecommendationProjection : SingleStreamProjection<Recommendation, Guid>
{
    public static Recommendation Create(RecommendationSubmitted e) =>
        new(e.RecommendationId, e.Topic, e.Fields, e.Text, e.Attribution, e.Author, e.SubmittedAt, false, null, null, null, null, null, null);

    public static Recommendation Apply(RecommendationHidden e, Recommendation r) => r with { Hidden = true, ModerationReason = e.Reason };

    public static Recommendation Apply(RecommendationRestored e, Recommendation r) => r with { Hidden = false, ModerationReason = e.Reason };

    public static Recommendation Apply(RecommendationRouted e, Recommendation r) => r with { Agency = e.Agency, AgencyId = e.AgencyId, DueAt = e.DueAt, RoutedBy = e.RoutedBy };

    public static Recommendation Apply(RecommendationAnswered e, Recommendation r) => r with { Answer = e.Answer, AnsweredAt = e.AnsweredAt };
}

/// <summary>One person's support of one recommendation (its stream id is derived from both: <see cref="RecommendationIds.SupportOf"/>).</summary>
public sealed record RecommendationSupport(Guid Id, Guid RecommendationId, string Supporter, DateTimeOffset SupportedAt);

public sealed class RecommendationSupportProjection : SingleStreamProjection<RecommendationSupport, Guid>
{
    public static RecommendationSupport Create(RecommendationSupported e) => new(e.SupportId, e.RecommendationId, e.Supporter, e.SupportedAt);
}

public static class RecommendationIds
{
    public static Guid SupportOf(Guid recommendationId, string supporter) => DerivedIds.Of($"recommendation-support\n{recommendationId:N}\n{supporter.ToUpperInvariant()}");
}

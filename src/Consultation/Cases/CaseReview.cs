using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Cases;

// A reviewer's formal review (bản nhận xét) has a stream of its own, one per seat (CaseReview.IdOf), not events on the
// case's stream: a reviewer saving drafts every few minutes then never contends with moderators appointing or sending
// on the case, and a draft, which only its writer may read, never enters the case document every involved reader loads.
// Marten stores events by type name: never rename one once shipped.

/// <summary>The reviewer's conclusion, in the words of a council's vote.</summary>
public enum ReviewConclusion
{
    /// <summary>Đồng ý thông qua.</summary>
    Approve,

    /// <summary>Thông qua có chỉnh sửa.</summary>
    ApproveWithAmendments,

    /// <summary>Không thông qua.</summary>
    Reject,
}

/// <summary>The assessment of one chapter (a top-level section of the consultation's current version); the title as it read then.</summary>
public sealed record ChapterAssessment(string Anchor, string Title, string Text);

/// <summary>What a review says: every chapter's assessment (possibly empty), strengths, shortcomings, recommendations, the conclusion.</summary>
public sealed record ReviewContent(
    IReadOnlyList<ChapterAssessment> Chapters, string Strengths, string Shortcomings, IReadOnlyList<ReportRecommendation> Recommendations,
    ReviewConclusion? Conclusion, string ConclusionText);

/// <summary>The reviewer saved their review as a draft, whole; saved any number of times until submitted.</summary>
public sealed record ReviewDrafted(
    Guid ReviewId, Guid CaseId, Guid MemberId, string UserName, string FullName, CouncilRole Role, ReviewContent Content, DateTimeOffset DraftedAt);

/// <summary>The reviewer submitted the draft as saved; no change after it.</summary>
public sealed record ReviewSubmitted(Guid ReviewId, Guid CaseId, Guid MemberId, DateTimeOffset SubmittedAt);

/// <summary>One seat's review as its writer and, once submitted, everyone involved in the case read it.</summary>
public sealed record CaseReview(
    Guid Id, Guid CaseId, Guid MemberId, string UserName, string FullName, CouncilRole Role, ReviewContent Content,
    DateTimeOffset DraftedAt, DateTimeOffset? SubmittedAt)
{
    public const int MaxChapterLength = 10_000;
    public const int MaxPartLength = 8_000;
    public const int MaxConclusionLength = 5_000;
    public const int MaxRecommendations = 20;
    public const int MaxAddresseeLength = 300;
    public const int MaxRecommendationLength = 5_000;

    public static Guid IdOf(Guid caseId, Guid memberId) => DerivedIds.Of($"case-review/{caseId}/{memberId}");

    public bool IsSubmitted => SubmittedAt is not null;

    public bool IsWrittenBy(Caller? caller) => caller is not null && Account.Normalize(caller.UserName) == Account.Normalize(UserName);

    /// <summary>When the reviews of both reviewers' seats (as held now) were submitted, the later of the two; null until then.</summary>
    public static DateTimeOffset? AllSubmittedAt(CritiqueCase found, IReadOnlyCollection<CaseReview> reviews)
    {
        var times = new[] { CouncilRole.FirstReviewer, CouncilRole.SecondReviewer }
            .Select(role => found.Council.FirstOrDefault(s => s.Role == role && s.Answer == SeatAnswer.Accepted))
            .Select(seat => seat is null ? null : reviews.FirstOrDefault(r => r.MemberId == seat.MemberId && r.IsSubmitted)?.SubmittedAt)
            .ToList();
        return times.All(t => t is not null) ? times.Max() : null;
    }

    /// <summary>The caller's reviewer seat on the case, accepted: only its holder writes a review.</summary>
    public static CouncilSeat? SeatOf(CritiqueCase found, Caller caller) => found.Council.FirstOrDefault(s =>
        s.Answer == SeatAnswer.Accepted && (s.Role is CouncilRole.FirstReviewer or CouncilRole.SecondReviewer)
        && string.Equals(s.UserName, caller.UserName, StringComparison.OrdinalIgnoreCase));
}

public sealed class CaseReviewProjection : SingleStreamProjection<CaseReview, Guid>
{
    public static CaseReview Create(ReviewDrafted e) => new(e.ReviewId, e.CaseId, e.MemberId, e.UserName, e.FullName, e.Role, e.Content, e.DraftedAt, null);

    public static CaseReview Apply(ReviewDrafted e, CaseReview r) => r with { Content = e.Content, DraftedAt = e.DraftedAt };

    public static CaseReview Apply(ReviewSubmitted e, CaseReview r) => r with { SubmittedAt = e.SubmittedAt };
}

using Nq45Consult.Consultation.Recommendations;
using Nq45Consult.Web.Attachments;

namespace Nq45Consult.Web.Recommendations;

// The JSON shapes of the recommendation routes (api-v1.md "Added in v1.1", docs/critique.md "Recommendations").

public sealed record RecommendationRequest(string? Topic, List<string>? Fields, string? Text, string? Attribution);

public sealed record RecommendationModerationRequest(string? Action, string? Reason);

public sealed record RecommendationRoutingRequest(Guid? AgencyId);

public sealed record RecommendationAnswerRequest(string? Answer);

public sealed record RecommendationCreated(Guid Id);

public sealed record RecommendationSupportView(Guid Id, int Supports);

/// <summary>Who wrote it, for moderators only (an anonymous author included).</summary>
public sealed record RecommendationAuthorView(string UserName, string DisplayName);

/// <summary>
/// A recommendation as listed: <see cref="Author"/> is the public name ("Ẩn danh" when anonymous); <see cref="WrittenBy"/>,
/// <see cref="Hidden"/>'s reason and hidden recommendations themselves reach moderators only.
/// </summary>
public sealed record RecommendationView(
    Guid Id, string Topic, IReadOnlyList<string> Fields, string Text, string Attribution, string Author, DateTimeOffset SubmittedAt,
    string Status, string? Agency, DateTimeOffset? DueAt, bool Overdue, string? Answer, DateTimeOffset? AnsweredAt,
    int Supports, bool Supported, bool Hidden, string? ModerationReason, RecommendationAuthorView? WrittenBy,
    Guid? AgencyId, IReadOnlyList<AttachmentView> Attachments)
{
    public static RecommendationView Of(RecommendationReading reading)
    {
        var r = reading.Recommendation;
        return new(
            r.Id, r.Topic, r.Fields, r.Text, KebabCase.Name(r.Attribution), r.PublicAuthorName, r.SubmittedAt,
            KebabCase.Name(r.Status), r.Agency, r.DueAt, reading.Overdue, r.Answer, r.AnsweredAt,
            reading.Supports, reading.Supported, r.Hidden, reading.ShowsAuthor ? r.ModerationReason : null,
            reading.ShowsAuthor ? new RecommendationAuthorView(r.Author.UserName, r.Author.DisplayName) : null,
            r.AgencyId, [.. reading.Attachments.Select(AttachmentView.Of)]);
    }
}

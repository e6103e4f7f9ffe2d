using JasperFx.Events;
using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Feedback.Recording;

namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// One feedback item as lists, counters and moderators read it. A single-stream projection kept inline:
/// each item's document is written in the same transaction as its own events, so it is exact under any
/// number of concurrent writers (unlike an inline multi-stream counter). Counts are kept apart, by delta, in the
/// same transactions (<see cref="Counting.FeedbackCounters"/>), and can always be recounted from these documents.
/// </summary>
public sealed record FeedbackItem(
    Guid Id,
    Guid ConsultationId,
    int DraftVersion,
    string? SectionAnchor,
    FeedbackContent Content,
    AuthorSnapshot Author,
    string AuthorUserName,
    Stance Stance,
    FeedbackStatus Status,
    bool Withdrawn,
    bool Hidden,
    int Reports,
    DateTimeOffset? LastReportedAt,
    ModerationCategory? ModerationCategory,
    string? ModerationReason,
    long Version,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt)
{
    public static FeedbackStatus StatusOf(bool withdrawn, bool hidden) =>
        hidden ? FeedbackStatus.Hidden : withdrawn ? FeedbackStatus.Withdrawn : FeedbackStatus.Published;

    public const string AnonymousName = "Ẩn danh";

    /// <summary>
    /// The author as the public, officials and reports name them: never the person behind an anonymous item, nor
    /// an author whose profile does not consent to appearing by name.
    /// </summary>
    public string PublicAuthorName => Content.Attribution == Attribution.Anonymous ? AnonymousName : Author.PublicName;

    /// <summary>Whether readers other than moderators may learn who wrote the item.</summary>
    public bool AuthorIsPublic => Content.Attribution == Attribution.Named && !Author.NameWithheld;

    /// <summary>
    /// The argument and the proposed wording folded for search (lower case, no diacritics, đ as d, runs of spaces as
    /// one), stored with the document so a trigram index answers the review dashboard's search.
    /// </summary>
    public string SearchText => TextFold.Fold($"{Content.Rationale} {Content.ProposedText}");

    /// <summary>Counted and shown to everyone: neither withdrawn nor hidden.</summary>
    public bool IsPublic => Status == FeedbackStatus.Published;

    /// <summary>The drafting agency's latest response; private to officials until the consultation's responses are published.</summary>
    public ItemResponse? Response { get; init; }

    /// <summary>Set when the item was answered together with its near-duplicates.</summary>
    public Guid? ResponseGroupId { get; init; }

    /// <summary>The later draft version an official marked as addressing the item (<see cref="FeedbackAddressedInVersion"/>); null until then.</summary>
    public int? AddressedInVersion { get; init; }

    /// <summary>What experts reported, oldest first: the moderators' queue shows the reasons; pages use it to offer one report per expert.</summary>
    public IReadOnlyList<ItemReport> ReportsReceived { get; init; } = [];

    public bool WasReportedBy(string userName) =>
        ReportsReceived.Any(r => string.Equals(r.ReportedBy, userName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Where an item a moderator recorded on its sender's behalf came from; null for an expert's own item.</summary>
    public FeedbackProvenance? Provenance { get; init; }

    /// <summary>The commenter as the reports name them: the public name, and for a recorded item where it came from, in Vietnamese as the report is.</summary>
    public string ReportAuthorName => Provenance is { } p ? DomainText.InVietnamese(() => p.Describe(PublicAuthorName)) : PublicAuthorName;

    public bool IsAuthoredBy(string userName) => string.Equals(AuthorUserName, userName, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One expert's report of an item.</summary>
public sealed record ItemReport(ModerationCategory Category, string Reason, string ReportedBy, DateTimeOffset ReportedAt);

public sealed class FeedbackItemProjection : SingleStreamProjection<FeedbackItem, Guid>
{
    public static FeedbackItem Create(IEvent<FeedbackSubmitted> e) => new(
        e.Data.FeedbackId, e.Data.ConsultationId, e.Data.DraftVersion, e.Data.SectionAnchor, e.Data.Content, e.Data.Author,
        e.Data.Author.UserName.ToUpperInvariant(), e.Data.Content.Stance, FeedbackStatus.Published, false, false, 0, null, null, null,
        e.Version, e.Data.SubmittedAt, e.Data.SubmittedAt);

    public static FeedbackItem Apply(IEvent<FeedbackRevised> e, FeedbackItem item) =>
        item with { Content = e.Data.Content, Stance = e.Data.Content.Stance, Version = e.Version, UpdatedAt = e.Data.RevisedAt };

    public static FeedbackItem Apply(IEvent<AuthorNameConsentChanged> e, FeedbackItem item) =>
        item with { Author = item.Author with { NameWithheld = !e.Data.AppearsByName }, Version = e.Version };

    public static FeedbackItem Apply(IEvent<FeedbackRecordedOnBehalf> e, FeedbackItem item) =>
        item with { Provenance = e.Data.Provenance, Version = e.Version };

    public static FeedbackItem Apply(IEvent<FeedbackWithdrawn> e, FeedbackItem item) =>
        item with { Withdrawn = true, Status = FeedbackItem.StatusOf(true, item.Hidden), Version = e.Version, UpdatedAt = e.Data.WithdrawnAt };

    public static FeedbackItem Apply(IEvent<FeedbackResponded> e, FeedbackItem item) =>
        item with { Response = ItemResponse.Of(e.Data), ResponseGroupId = e.Data.GroupId, Version = e.Version };

    public static FeedbackItem Apply(IEvent<FeedbackAddressedInVersion> e, FeedbackItem item) =>
        item with { AddressedInVersion = e.Data.Version, Version = e.Version };

    public static FeedbackItem Apply(IEvent<FeedbackReported> e, FeedbackItem item) =>
        item with
        {
            Reports = item.Reports + 1, LastReportedAt = e.Data.ReportedAt, Version = e.Version,
            ReportsReceived = [.. item.ReportsReceived, new ItemReport(e.Data.Category, e.Data.Reason, e.Data.ReportedBy, e.Data.ReportedAt)],
        };

    public static FeedbackItem Apply(IEvent<FeedbackHidden> e, FeedbackItem item) => item with
    {
        Hidden = true, Status = FeedbackItem.StatusOf(item.Withdrawn, true), Version = e.Version,
        ModerationCategory = e.Data.Category, ModerationReason = e.Data.Reason,
    };

    public static FeedbackItem Apply(IEvent<FeedbackRestored> e, FeedbackItem item) => item with
    {
        Hidden = false, Status = FeedbackItem.StatusOf(item.Withdrawn, false), Version = e.Version,
        ModerationCategory = e.Data.Category, ModerationReason = e.Data.Reason,
    };
}

using System.Text.Json.Serialization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review;

namespace Nq45Consult.Web.Feedback;

// The JSON shapes of api-v1.md's feedback routes. Enums travel as kebab-case text, written out here
// explicitly so the wire format never depends on a serializer setting.

public sealed record FeedbackRequest(
    string? SectionAnchor, [property: JsonConverter(typeof(QuoteInputConverter))] QuoteInput? Quote, string? Stance, string? ProposedText, string? Rationale,
    IReadOnlyList<ReferenceInput>? References, string? Attribution)
{
    public FeedbackInput ToInput() => new(Quote, Stance, ProposedText, Rationale, References, Attribution);
}

public sealed record FeedbackCreated(Guid Id, long Version);

/// <summary><see cref="Category"/> is a moderation category (<c>spam | offensive | personal-data | off-topic | duplicate | other</c>); <c>other</c> when absent.</summary>
public sealed record ReportRequest(string? Reason, string? Category = null);

/// <summary>One report of an item as moderators and officials see it; the reporter is not named.</summary>
public sealed record ReportView(string Category, string Reason, DateTimeOffset ReportedAt);

public sealed record ModerationRequest(string? Action, string? Category, string? Reason);

public sealed record AuthorView(string DisplayName, string? AcademicTitle, string? Degree, string? Organisation, string? UserName);

/// <summary>
/// An item as a reader sees it; <see cref="Author"/> is null for an anonymous item, or one whose author withholds
/// their name, unless the reader moderates.
/// </summary>
public sealed record FeedbackView(
    Guid Id,
    Guid ConsultationId,
    long Version,
    int DraftVersion,
    string? SectionAnchor,
    Quote? Quote,
    string Stance,
    string? ProposedText,
    string Rationale,
    IReadOnlyList<Reference> References,
    string Attribution,
    string AuthorName,
    AuthorView? Author,
    string Status,
    int? Reports,
    string? ModerationCategory,
    string? ModerationReason,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    ResponseView? Response)
{
    public const string AnonymousName = FeedbackItem.AnonymousName;

    /// <summary>The reports' categories and reasons, for moderators and officials only (null for others).</summary>
    public IReadOnlyList<ReportView>? ReportReasons { get; init; }

    /// <summary>The later draft version marked as addressing the item (added in v1.1); null until marked.</summary>
    public int? AddressedInVersion { get; init; }

    /// <summary>Where an item recorded on its sender's behalf came from (added in v1.1); null for an expert's own item.</summary>
    public ProvenanceView? Provenance { get; init; }

    /// <summary>The item as <paramref name="caller"/> (null: anonymous) may see it (<see cref="ItemDisclosure"/>).</summary>
    public static FeedbackView Of(FeedbackItem item, Caller? caller, bool responsesPublic = false)
    {
        var shown = ItemDisclosure.For(item, caller, responsesPublic);
        var author = shown.AuthorNamed
            ? new AuthorView(item.Author.DisplayName, item.Author.AcademicTitle, item.Author.Degree, item.Author.Organisation,
                shown.AuthorUserName ? item.Author.UserName : null)
            : null;
        return new FeedbackView(
            item.Id, item.ConsultationId, item.Version, item.DraftVersion, item.SectionAnchor, item.Content.Quote,
            KebabCase.Name(item.Stance), item.Content.ProposedText, item.Content.Rationale, item.Content.References,
            KebabCase.Name(item.Content.Attribution),
            item.PublicAuthorName,
            author, KebabCase.Name(item.Status),
            shown.Moderation ? item.Reports : null,
            shown.Moderation && item.ModerationCategory is { } c ? KebabCase.Name(c) : null,
            shown.Moderation ? item.ModerationReason : null,
            item.SubmittedAt, item.UpdatedAt,
            shown.Response ? ResponseView.Of(item.Response!, responsesPublic) : null)
        {
            AddressedInVersion = item.AddressedInVersion,
            Provenance = ProvenanceView.Of(item, shown.AuthorNamed),
            ReportReasons = shown.Moderation
                ? [.. item.ReportsReceived.Select(r => new ReportView(KebabCase.Name(r.Category), r.Reason, r.ReportedAt))]
                : null,
        };
    }
}

/// <summary>The drafting agency's response to an item; <see cref="Published"/> false marks an official's draft.</summary>
public sealed record ResponseView(string Decision, string DecisionLabel, string? Explanation, DateTimeOffset RespondedAt, bool Published)
{
    public static ResponseView Of(ItemResponse response, bool published) =>
        new(KebabCase.Name(response.Decision), response.Decision.Vietnamese(), response.Explanation, response.RespondedAt, published);
}

public sealed record StanceCounts(int Agree, int Disagree, int Amend, int Add, int Other)
{
    public static StanceCounts Of(IReadOnlyDictionary<Stance, int> counts) => new(
        counts[Stance.Agree], counts[Stance.Disagree], counts[Stance.Amend], counts[Stance.Add], counts[Stance.Other]);
}

public sealed record TotalsView(int Feedback, int Participants, StanceCounts ByStance);

public sealed record SectionCountsView(string Anchor, int Feedback, StanceCounts ByStance, int Responded);

public sealed record SummaryView(TotalsView Totals, IReadOnlyList<SectionCountsView> Sections, IReadOnlyDictionary<string, int> ByField)
{
    public static SummaryView Of(FeedbackSummary summary) => new(
        new TotalsView(summary.Totals.Feedback, summary.Totals.Participants, StanceCounts.Of(summary.Totals.ByStance)),
        [.. summary.Sections.Select(s => new SectionCountsView(s.Anchor, s.Feedback, StanceCounts.Of(s.ByStance), s.Responded))],
        summary.ByField);
}

public sealed record ModerationLogLineView(string Category, int Hidden, int Restored);

public sealed record HistoryEntryView(long Version, string Event, string? Actor, DateTimeOffset At, object Data);

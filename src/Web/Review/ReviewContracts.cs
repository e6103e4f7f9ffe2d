using Nq45Consult.Consultation.Review;
using Nq45Consult.Consultation.Review.Dashboard;
using Nq45Consult.Consultation.Review.Reporting;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.Review;

public sealed record ResponseRequest(string? Decision, string? Explanation);

/// <summary>The draft version that addressed an item: later than the item's own, at most the current one.</summary>
public sealed record AddressedRequest(int? Version);

public sealed record DeadlineRequest(DateTimeOffset? Deadline);

public sealed record ReviewProgressView(
    DateTimeOffset Deadline, bool DeadlineSetExplicitly, int Items, int Responded, int Unanswered, bool Overdue, DateTimeOffset? PublishedAt)
{
    public static ReviewProgressView Of(ReviewProgress p, DateTimeOffset now) =>
        new(p.Deadline, p.DeadlineSetExplicitly, p.Items, p.Responded, p.Unanswered, p.Overdue(now), p.PublishedAt);
}

public sealed record ItemPage(int Total, IReadOnlyList<FeedbackView> Items);

/// <summary>A heat map row; <c>byField</c> (added in v1.1) counts its items under each of their author's fields.</summary>
public sealed record SectionHeatView(
    string? Anchor, string Label, int Level, int Feedback, StanceCounts ByStance, int Responded, IReadOnlyDictionary<string, int> ByField);

/// <summary>
/// The dashboard's data. Added in v1.1: <c>fields</c> (the field columns, <c>none</c> last), <c>byStanceAndField</c>
/// (stance → field → items) and <c>field</c>, the author's field the heat map was narrowed to (<c>?field=</c>).
/// </summary>
public sealed record DashboardView(
    IReadOnlyList<SectionHeatView> Sections, StanceCounts ByStance, IReadOnlyList<DayCount> OverTime,
    int ExpertsInvited, int Participants, int Items, int Responded,
    IReadOnlyList<string> Fields, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByStanceAndField, string? Field)
{
    public static DashboardView Of(DashboardData d) => new(
        [.. d.Sections.Select(s => new SectionHeatView(s.Anchor, s.Label, s.Level, s.Feedback, StanceCounts.Of(s.ByStance), s.Responded, s.ByField))],
        StanceCounts.Of(d.ByStance), d.OverTime, d.ExpertsInvited, d.Participants, d.Items, d.Responded,
        d.Fields, d.ByStanceAndField.ToDictionary(p => KebabCase.Name(p.Key), p => p.Value), d.Field);
}

public sealed record DuplicateGroupView(int Count, IReadOnlyList<Guid> ItemIds, string Text);

public sealed record GroupResponseRequest(IReadOnlyList<Guid>? ItemIds, string? Decision, string? Explanation);

public sealed record GroupResponded(int Items, Guid GroupId);

/// <summary><paramref name="Quote"/> (added in v1.1, null when the item quotes nothing): where the quoted words are now.</summary>
public sealed record CarriedItemView(
    Guid FeedbackId, int DraftVersion, string FromAnchor, string? CurrentAnchor, string Section, CarriedQuoteView? Quote = null);

/// <summary>The quoted words in the current version: <c>found</c> with the section and offsets, or no longer in the text.</summary>
public sealed record CarriedQuoteView(bool Found, string? Anchor, int? Start, int? End);

/// <summary>The report's letterhead details; every field optional (blank keeps the report's default).</summary>
public sealed record ReportDetailsRequest(
    string? IssuingBody, string? Number, string? Place, DateOnly? Date, string? SignerPosition, string? SignerName, IReadOnlyList<string>? Recipients);

/// <summary>The details as set (empty when never set) and the lines the report prints from them (<c>printed</c>).</summary>
public sealed record ReportDetailsView(
    string IssuingBody, string Number, string Place, DateOnly? Date, string SignerPosition, string SignerName, IReadOnlyList<string> Recipients,
    string? SetBy, DateTimeOffset? SetAt, LetterheadView Printed)
{
    public static ReportDetailsView Of(ReportDetails? d, Letterhead printed) => new(
        d?.IssuingBody ?? "", d?.Number ?? "", d?.Place ?? "", d?.Date, d?.SignerPosition ?? "", d?.SignerName ?? "", d?.Recipients ?? [],
        d?.SetBy, d?.SetAt, new LetterheadView(printed.IssuingBody, printed.NumberLine, printed.PlaceDateLine, printed.SignerPosition, printed.SignerName, printed.Recipients));
}

public sealed record LetterheadView(
    string IssuingBody, string NumberLine, string PlaceDateLine, IReadOnlyList<string> SignerPosition, string SignerName, IReadOnlyList<string> Recipients);

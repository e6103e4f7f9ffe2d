using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review.Carrying;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>
/// The public items of one section (or of the whole draft) as the consultation page lists them.
/// <see cref="Reporter"/> is the signed-in expert who may report items (null for everyone else);
/// <see cref="Reported"/> is the item whose report was just sent or refused, with what to say about it;
/// <see cref="Carried"/> holds the items written on an earlier version, listed here because their section is now this one.
/// </summary>
public sealed record SectionFeedback(
    string? Anchor, IReadOnlyList<FeedbackItem> Items, bool ResponsesPublic, string? Reporter, ReportNotice? Reported,
    IReadOnlyDictionary<Guid, CarriedAt>? Carried = null, ShownVersion? Current = null)
{
    public CarriedAt? CarriedOf(FeedbackItem item) => Carried?.GetValueOrDefault(item.Id);

    /// <summary>
    /// The version a general remark (on the whole draft, no section) was written on, when the current version is shown
    /// and it is an earlier one: such a remark has no section to follow, so it is only marked, with the draft's changes.
    /// </summary>
    public int? EarlierVersionOf(FeedbackItem item) =>
        item.SectionAnchor is null && Current is { } shown && item.DraftVersion < shown.Version ? item.DraftVersion : null;

    public bool MayReport(FeedbackItem item) => Reporter is { } expert && !item.IsAuthoredBy(expert) && !item.WasReportedBy(expert);

    public bool ReportedByMe(FeedbackItem item) => Reporter is { } expert && item.WasReportedBy(expert);

    /// <summary>The notice for <paramref name="item"/> after a report, if it is the one just reported.</summary>
    public ReportNotice? NoticeFor(FeedbackItem item) => Reported?.ItemId == item.Id ? Reported : null;
}

/// <summary>The consultation's current version, when it is the one shown.</summary>
public sealed record ShownVersion(string Slug, int Version);

/// <summary>What the page tells an expert after their report (PRG through TempData): sent, or why not.</summary>
public sealed record ReportNotice(Guid ItemId, bool Sent, string Text);

/// <summary>A general remark written on version <paramref name="Earlier"/> of a draft whose current version is <paramref name="Current"/>.</summary>
public sealed record EarlierRemark(string Slug, int Earlier, int Current);

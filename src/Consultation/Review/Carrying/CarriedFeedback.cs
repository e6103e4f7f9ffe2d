using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Drafts.Diffing;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Review.Carrying;

/// <summary>What became of the section an item was written on, in the current version: <c>unchanged | changed | removed</c>.</summary>
public enum SectionFate
{
    Unchanged,
    Changed,
    Removed,
}

/// <summary>
/// Where an item's quoted words are in the current version: <paramref name="Anchor"/> and UTF-16 offsets of the
/// section's text, or not found (<paramref name="Anchor"/> null) when the new text no longer has them.
/// </summary>
public sealed record QuotePlace(string? Anchor, int? Start, int? End)
{
    public bool Found => Anchor is not null;
}

/// <summary>
/// An item written on an earlier version, carried to the section it now belongs to (none when removed), with its
/// quote relocated in the current version's text (null when the item quotes nothing).
/// </summary>
public sealed record CarriedItem(
    Guid FeedbackId, int DraftVersion, string FromAnchor, string? CurrentAnchor, SectionFate Section, QuotePlace? Quote = null);

/// <summary>A carried item with what links to its consultation's current version and to the word diff need.</summary>
public sealed record CarriedAt(CarriedItem Item, string Slug, int CurrentVersion);

/// <summary>
/// Carries feedback on earlier versions to the current one through the Drafts diff (which matches sections by
/// anchor and by text when renumbered), so officials see which comments the revision already addressed, the
/// public sees earlier items under the section they now belong to, and authors see what the revision did.
/// </summary>
/// <remarks>
/// It carries only the items it is given (or, for officials, the published ones): which items a caller may see is
/// still decided by <see cref="FeedbackQueries"/>, so carrying never shows anything the caller could not see.
/// </remarks>
public sealed class CarriedFeedback(IQuerySession session)
{
    public async Task<IReadOnlyList<CarriedItem>> Of(ConsultationDetails consultation, CancellationToken cancellation = default)
    {
        var earlier = await session.Query<FeedbackItem>()
            .Where(x => x.ConsultationId == consultation.Id && x.Status == FeedbackStatus.Published
                && x.DraftVersion < consultation.CurrentVersion && x.SectionAnchor != null)
            .OrderBy(x => x.SubmittedAt)
            .ToListAsync(cancellation);
        return await Carry(consultation, earlier, cancellation);
    }

    /// <summary>Those of <paramref name="items"/> (all of <paramref name="consultation"/>) written on a section of an earlier version, carried.</summary>
    public async Task<IReadOnlyList<CarriedItem>> Carry(
        ConsultationDetails consultation, IEnumerable<FeedbackItem> items, CancellationToken cancellation = default)
    {
        var earlier = items.Where(i => i.DraftVersion < consultation.CurrentVersion && i.SectionAnchor is not null).ToList();
        if (earlier.Count == 0) return [];
        var queries = new ConsultationQueries(session);
        var sections = (await queries.Version(consultation.Id, consultation.CurrentVersion, cancellation))?.Sections ?? [];
        var carried = new List<CarriedItem>();
        foreach (var version in earlier.GroupBy(i => i.DraftVersion))
        {
            var diff = await queries.Diff(consultation.Id, version.Key, consultation.CurrentVersion, cancellation) ?? [];
            var fates = Map(diff);
            carried.AddRange(version.Select(item =>
            {
                var (anchor, fate) = fates.TryGetValue(item.SectionAnchor!, out var found) ? found : (null, SectionFate.Removed);
                return new CarriedItem(item.Id, item.DraftVersion, item.SectionAnchor!, anchor, fate,
                    item.Content.Quote is { } quote ? Relocate(quote.Text, anchor, sections) : null);
            }));
        }
        return carried;
    }

    /// <summary><see cref="Carry"/> keyed by item, each with its consultation's links (for the pages).</summary>
    public async Task<IReadOnlyDictionary<Guid, CarriedAt>> At(
        ConsultationDetails consultation, IEnumerable<FeedbackItem> items, CancellationToken cancellation = default) =>
        (await Carry(consultation, items, cancellation))
            .ToDictionary(c => c.FeedbackId, c => new CarriedAt(c, consultation.Slug, consultation.CurrentVersion));

    /// <summary>
    /// The caller's own items written on an earlier version, across their consultations (for "Góp ý của tôi"): those on a
    /// section carried (<see cref="OwnItems.Carried"/>), general remarks (no section to follow) with their consultation,
    /// whose current version they are marked against (<see cref="OwnItems.GeneralRemarks"/>).
    /// </summary>
    public async Task<OwnItems> Own(Caller caller, IReadOnlyList<FeedbackItem> items, CancellationToken cancellation = default)
    {
        var own = items.Where(i => i.IsAuthoredBy(caller.UserName)).ToList();
        var ids = own.Select(i => i.ConsultationId).Distinct().ToArray();
        var carried = new Dictionary<Guid, CarriedAt>();
        var general = new Dictionary<Guid, ConsultationDetails>();
        if (ids.Length == 0) return new(carried, general);
        foreach (var consultation in await session.LoadManyAsync<ConsultationDetails>(cancellation, ids))
        {
            var ofConsultation = own.Where(i => i.ConsultationId == consultation.Id).ToList();
            foreach (var (id, item) in await At(consultation, ofConsultation, cancellation))
                carried[id] = item;
            foreach (var remark in ofConsultation.Where(i => i.SectionAnchor is null && i.DraftVersion < consultation.CurrentVersion))
                general[remark.Id] = consultation;
        }
        return new(carried, general);
    }

    /// <summary>Each section of the older version: where it is now and whether its text changed.</summary>
    public static IReadOnlyDictionary<string, (string? Anchor, SectionFate Fate)> Map(IReadOnlyList<SectionDiff> diff) =>
        diff.Where(d => d.FromAnchor is not null).ToDictionary(d => d.FromAnchor!, d => d.Kind switch
        {
            SectionChange.Unchanged => (d.ToAnchor, SectionFate.Unchanged),
            SectionChange.Removed => ((string?)null, SectionFate.Removed),
            _ => (d.ToAnchor, SectionFate.Changed),
        });

    /// <summary>
    /// The quoted words' first (ordinal) occurrence in the current text: in the section the item now belongs to,
    /// else in the first section, in the draft's order, that has them; not found when none does.
    /// </summary>
    public static QuotePlace Relocate(string quoted, string? anchor, IReadOnlyList<SectionSnapshot> sections)
    {
        foreach (var section in sections.Where(s => s.Anchor == anchor).Concat(sections.Where(s => s.Anchor != anchor)))
        {
            var at = section.Text.IndexOf(quoted, StringComparison.Ordinal);
            if (at >= 0) return new QuotePlace(section.Anchor, at, at + quoted.Length);
        }
        return new QuotePlace(null, null, null);
    }
}

/// <summary>What <see cref="CarriedFeedback.Own"/> found: carried items by id, and general remarks by id with their consultation.</summary>
public sealed record OwnItems(IReadOnlyDictionary<Guid, CarriedAt> Carried, IReadOnlyDictionary<Guid, ConsultationDetails> GeneralRemarks);

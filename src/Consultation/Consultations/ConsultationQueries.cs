using Marten;
using Nq45Consult.Consultation.Drafts.Diffing;

namespace Nq45Consult.Consultation.Consultations;

/// <summary>Reads of consultations: by id or slug, lists, versions and the event history.</summary>
public sealed class ConsultationQueries(IQuerySession session)
{
    public async Task<ConsultationDetails?> Find(string idOrSlug, CancellationToken cancellation = default) =>
        Guid.TryParse(idOrSlug, out var id)
            ? await session.LoadAsync<ConsultationDetails>(id, cancellation)
            : await session.Query<ConsultationDetails>().FirstOrDefaultAsync(c => c.Slug == idOrSlug, cancellation);

    /// <summary>The consultation if <paramref name="caller"/> may see it (<see cref="ConsultationVisibility"/>); null otherwise, as if it did not exist.</summary>
    public async Task<ConsultationDetails?> Visible(string idOrSlug, Caller? caller, CancellationToken cancellation = default) =>
        await Find(idOrSlug, cancellation) is { } found && found.IsVisibleTo(caller) ? found : null;

    /// <summary>The consultations in the given states that <paramref name="caller"/> may see, soonest closing first.</summary>
    public async Task<IReadOnlyList<ConsultationDetails>> Visible(IReadOnlyCollection<ConsultationStatus> statuses, Caller? caller, CancellationToken cancellation = default)
    {
        var listed = ConsultationVisibility.ListedTo(statuses, caller);
        return listed.Count == 0 ? [] : await List(listed, cancellation);
    }

    /// <summary>
    /// As <see cref="Visible(IReadOnlyCollection{ConsultationStatus}, Caller?, CancellationToken)"/>, narrowed to a field of
    /// expertise and to titles containing <paramref name="title"/>, both when given; the title is compared folded
    /// (<see cref="TextFold"/>), so "quy hoach" finds "Quy hoạch".
    /// </summary>
    public async Task<IReadOnlyList<ConsultationDetails>> Visible(
        IReadOnlyCollection<ConsultationStatus> statuses, Caller? caller, string? field, string? title, CancellationToken cancellation = default)
    {
        var folded = TextFold.Fold(title);
        return [.. (await Visible(statuses, caller, cancellation))
            .Where(c => string.IsNullOrWhiteSpace(field) || c.Fields.Contains(field.Trim(), StringComparer.OrdinalIgnoreCase))
            .Where(c => folded.Length == 0 || TextFold.Fold(c.Title).Contains(folded, StringComparison.Ordinal))];
    }

    /// <summary>Consultations in the given states, soonest closing first.</summary>
    public async Task<IReadOnlyList<ConsultationDetails>> List(IReadOnlyCollection<ConsultationStatus> statuses, CancellationToken cancellation = default)
    {
        var wanted = statuses.ToArray();
        var found = await session.Query<ConsultationDetails>().Where(c => wanted.Contains(c.Status)).ToListAsync(cancellation);
        return found.OrderBy(c => c.ClosesAt).ThenBy(c => c.Title, StringComparer.Ordinal).ToList();
    }

    public Task<DraftVersion?> Version(Guid consultationId, int version, CancellationToken cancellation = default) =>
        session.LoadAsync<DraftVersion>(DraftVersion.IdOf(consultationId, version), cancellation);

    /// <summary>Per-section diff from version <paramref name="from"/> to <paramref name="to"/>; null when either is missing.</summary>
    public async Task<IReadOnlyList<SectionDiff>?> Diff(Guid consultationId, int from, int to, CancellationToken cancellation = default)
    {
        var (older, newer) = (await Version(consultationId, from, cancellation), await Version(consultationId, to, cancellation));
        return older is null || newer is null
            ? null
            : DraftDiff.Compare(older.Sections.Select(s => s.ToDraftSection()).ToList(), newer.Sections.Select(s => s.ToDraftSection()).ToList());
    }

    public async Task<IReadOnlyList<HistoryEntry>> History(Guid consultationId, CancellationToken cancellation = default)
    {
        var events = await session.Events.FetchStreamAsync(consultationId, token: cancellation);
        return events.Select(e => HistoryEntry.Of(e.Version, e.Data, e.Timestamp)).ToList();
    }
}

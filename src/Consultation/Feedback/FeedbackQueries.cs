using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback.Counting;

namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// Reads of feedback: lists from the per-item inline documents, counts from the counters that every write changes
/// in its own transaction (<see cref="FeedbackCounters"/>), both exact under concurrent writers.
/// </summary>
public sealed class FeedbackQueries(IQuerySession session)
{
    public const int QueueSize = 200;

    public Task<FeedbackItem?> Find(Guid id, CancellationToken cancellation = default) => session.LoadAsync<FeedbackItem>(id, cancellation);

    /// <summary>The consultation whose feedback the caller may read: public once it has been opened; before that only moderators see it.</summary>
    public async Task<ConsultationDetails?> Consultation(Guid id, Caller? caller, CancellationToken cancellation = default) =>
        await session.LoadAsync<ConsultationDetails>(id, cancellation) is { } consultation && consultation.IsVisibleTo(caller)
            ? consultation
            : null;

    /// <summary>The caller's own item of the consultation, to revise; null for anyone else's, or another consultation's.</summary>
    public async Task<FeedbackItem?> OwnItem(Guid id, Guid consultationId, Caller caller, CancellationToken cancellation = default) =>
        await Find(id, cancellation) is { } item && item.ConsultationId == consultationId && item.IsAuthoredBy(caller.UserName) ? item : null;

    /// <summary>
    /// What an expert writes on: the opened consultation and, when <paramref name="anchor"/> is given, that section of its
    /// current version; null when the consultation is not open to feedback yet or has no such section.
    /// </summary>
    public async Task<(ConsultationDetails Consultation, SectionSnapshot? Section)?> WritingTarget(
        Guid consultationId, string? anchor, CancellationToken cancellation = default)
    {
        if (await session.LoadAsync<ConsultationDetails>(consultationId, cancellation) is not { IsPublished: true } consultation) return null;
        if (anchor is null) return (consultation, null);
        var version = await session.LoadAsync<DraftVersion>(DraftVersion.IdOf(consultationId, consultation.CurrentVersion), cancellation);
        return version?.Sections.FirstOrDefault(s => s.Anchor == anchor) is { } section ? (consultation, section) : null;
    }

    /// <summary>Whether the caller may read hidden and withdrawn items: moderators and officials.</summary>
    public static bool SeesEveryStatus(Caller? caller) => caller?.IsReviewer == true;

    /// <summary>
    /// A consultation's items as the caller may list them: hidden and withdrawn items are only for moderators and
    /// officials (others asking for them simply get none); without <paramref name="status"/>, reviewers get every
    /// status and others the published items.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackItem>> ListFor(
        Caller? caller, Guid consultationId, string? section, Stance? stance, FeedbackStatus? status, CancellationToken cancellation = default)
    {
        var reviewer = SeesEveryStatus(caller);
        IReadOnlyCollection<FeedbackStatus> statuses = status is { } wanted ? [wanted] : reviewer ? Enum.GetValues<FeedbackStatus>() : [FeedbackStatus.Published];
        if (!reviewer) statuses = [.. statuses.Where(s => s == FeedbackStatus.Published)];
        return statuses.Count == 0 ? [] : await List(consultationId, section, stance, statuses, cancellation);
    }

    public async Task<IReadOnlyList<FeedbackItem>> List(
        Guid consultationId, string? section, Stance? stance, IReadOnlyCollection<FeedbackStatus> statuses, CancellationToken cancellation = default)
    {
        var query = session.Query<FeedbackItem>().Where(x => x.ConsultationId == consultationId && statuses.Contains(x.Status));
        if (section is not null) query = query.Where(x => x.SectionAnchor == section);
        if (stance is { } wanted) query = query.Where(x => x.Stance == wanted);
        return await query.OrderBy(x => x.SubmittedAt).ToListAsync(cancellation);
    }

    public async Task<IReadOnlyList<FeedbackItem>> Mine(string userName, CancellationToken cancellation = default)
    {
        var normalized = userName.ToUpperInvariant();
        return await session.Query<FeedbackItem>().Where(x => x.AuthorUserName == normalized)
            .OrderByDescending(x => x.SubmittedAt).ToListAsync(cancellation);
    }

    /// <summary>Which of the consultations of <paramref name="items"/> have published their responses.</summary>
    public async Task<IReadOnlySet<Guid>> WithPublicResponses(IEnumerable<FeedbackItem> items, CancellationToken cancellation = default)
    {
        var ids = items.Select(i => i.ConsultationId).Distinct().ToArray();
        if (ids.Length == 0) return new HashSet<Guid>();
        var consultations = await session.LoadManyAsync<ConsultationDetails>(cancellation, ids);
        return consultations.Where(c => c.ResponsesArePublic).Select(c => c.Id).ToHashSet();
    }

    /// <summary>
    /// The moderators' queue: reported items first (most reports first), then hidden ones, then the latest; withdrawn
    /// items only when asked for by status. Optionally one consultation's items, or items of one status.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackItem>> ModerationQueue(
        Guid? consultationId = null, FeedbackStatus? status = null, CancellationToken cancellation = default)
    {
        IQueryable<FeedbackItem> Items()
        {
            var items = session.Query<FeedbackItem>().AsQueryable();
            if (consultationId is { } consultation) items = items.Where(x => x.ConsultationId == consultation);
            if (status is { } wanted) items = items.Where(x => x.Status == wanted);
            return items;
        }
        var reported = await Items().Where(x => x.Reports > 0 && !x.Hidden)
            .OrderByDescending(x => x.Reports).ThenByDescending(x => x.LastReportedAt).Take(QueueSize).ToListAsync(cancellation);
        var hidden = await Items().Where(x => x.Hidden)
            .OrderByDescending(x => x.UpdatedAt).Take(QueueSize).ToListAsync(cancellation);
        var unflagged = Items().Where(x => x.Reports == 0 && !x.Hidden);
        if (status is null) unflagged = unflagged.Where(x => !x.Withdrawn);
        var latest = await unflagged.OrderByDescending(x => x.SubmittedAt).Take(QueueSize).ToListAsync(cancellation);
        return [.. reported, .. hidden, .. latest];
    }

    /// <summary>
    /// The summary over the consultation's current version's sections (every section listed, counted or not), read
    /// in one statement from the counters kept with each write (<see cref="FeedbackCounters"/>): a few hundred rows
    /// whatever the number of items, so the live recount while submissions stream in stays cheap.
    /// </summary>
    public async Task<FeedbackSummary> Summary(ConsultationDetails consultation, CancellationToken cancellation = default)
    {
        var counted = await FeedbackCounters.Read(session, consultation.Id, DraftVersion.IdOf(consultation.Id, consultation.CurrentVersion), cancellation);
        var anchors = counted.Anchors.Concat(counted.Groups.Select(g => g.Anchor).OfType<string>()).Distinct();
        var bySection = counted.Groups.Where(g => g.Anchor is not null).ToLookup(g => g.Anchor!);
        return new FeedbackSummary(
            new FeedbackTotals(counted.Groups.Sum(g => g.Count), counted.Participants, counted.ByStance()),
            [.. anchors.Select(anchor => new SectionCounts(anchor, bySection[anchor].Sum(g => g.Count), counted.ByStance(g => g.Anchor == anchor),
                // Responses count once published: until then they are the officials' drafts.
                consultation.ResponsesArePublic ? bySection[anchor].Sum(g => g.Responded) : 0))],
            counted.ByField);
    }

    public async Task<IReadOnlyList<ModerationLogLine>> ModerationLog(Guid consultationId, CancellationToken cancellation = default)
    {
        var hidden = await session.Events.QueryRawEventDataOnly<FeedbackHidden>()
            .Where(e => e.ConsultationId == consultationId).Select(e => e.Category).ToListAsync(cancellation);
        var restored = await session.Events.QueryRawEventDataOnly<FeedbackRestored>()
            .Where(e => e.ConsultationId == consultationId).Select(e => e.Category).ToListAsync(cancellation);
        return [.. Enum.GetValues<ModerationCategory>()
            .Select(c => new ModerationLogLine(c, hidden.Count(h => h == c), restored.Count(r => r == c)))
            .Where(line => line.Hidden + line.Restored > 0)];
    }
}

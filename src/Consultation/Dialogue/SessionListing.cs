using Marten;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>A session as lists show it: what was scheduled, and how far it got.</summary>
public sealed record SessionListing(
    Guid Id, Guid ConsultationId, string Title, DateTimeOffset StartsAt, bool PreModeration, int AgendaSteps, SessionStatus Status)
{
    /// <summary>
    /// The sessions of a consultation, soonest first. Read from the events themselves (scheduled,
    /// started, ended): a projection updated on every append would cost each vote of a storm a write.
    /// </summary>
    public static async Task<IReadOnlyList<SessionListing>> Of(IQuerySession query, Guid consultationId, CancellationToken cancellation = default)
    {
        var scheduled = await query.Events.QueryRawEventDataOnly<SessionScheduled>()
            .Where(e => e.ConsultationId == consultationId).ToListAsync(cancellation);
        if (scheduled.Count == 0) return [];
        var ids = scheduled.Select(s => s.SessionId).ToArray();
        var started = await query.Events.QueryRawEventDataOnly<SessionStarted>()
            .Where(e => ids.Contains(e.SessionId)).Select(e => e.SessionId).ToListAsync(cancellation);
        var ended = await query.Events.QueryRawEventDataOnly<SessionEnded>()
            .Where(e => ids.Contains(e.SessionId)).Select(e => e.SessionId).ToListAsync(cancellation);
        return [.. scheduled
            .Select(s => new SessionListing(s.SessionId, s.ConsultationId, s.Title, s.StartsAt, s.PreModeration, s.Agenda.Count,
                ended.Contains(s.SessionId) ? SessionStatus.Ended : started.Contains(s.SessionId) ? SessionStatus.Live : SessionStatus.Scheduled))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)];
    }
}

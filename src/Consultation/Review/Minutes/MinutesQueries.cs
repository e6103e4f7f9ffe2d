using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Consultation.Review.Minutes;

/// <summary>
/// A session's minutes as a caller may read them. <see cref="Allowed"/> false: the caller may not read minutes at all
/// (403); <see cref="Session"/> null: no such session, or one whose room the caller may not enter (404);
/// <see cref="Minutes"/> null: not generated yet.
/// </summary>
public sealed record MinutesRead(bool Allowed, DialogueSession? Session, ConsultationDetails? Consultation, SessionMinutes? Minutes)
{
    public static readonly MinutesRead Refused = new(false, null, null, null);

    public static readonly MinutesRead NotFound = new(true, null, null, null);
}

public sealed class MinutesQueries(IQuerySession query)
{
    public async Task<MinutesRead> Find(Guid sessionId, Caller caller, CancellationToken cancellation = default)
    {
        if (sessionId == Guid.Empty) return MinutesAccess.MayReadMinutes(caller, null) ? MinutesRead.NotFound : MinutesRead.Refused;
        var minutes = await query.LoadAsync<SessionMinutes>(SessionMinutes.IdOf(sessionId), cancellation);
        if (!MinutesAccess.MayReadMinutes(caller, minutes)) return MinutesRead.Refused;
        var events = await query.Events.FetchStreamAsync(sessionId, token: cancellation);
        if (events is not [{ Data: SessionScheduled }, ..]) return MinutesRead.NotFound;
        var session = DialogueSession.Fold(events.Select(e => e.Data))!;
        var consultation = await query.LoadAsync<ConsultationDetails>(session.ConsultationId, cancellation);
        if (consultation is null || !DialogueAccess.MayJoin(consultation, caller)) return MinutesRead.NotFound;
        return new(true, session, consultation, minutes);
    }
}

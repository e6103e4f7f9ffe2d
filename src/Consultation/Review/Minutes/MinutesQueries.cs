using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Consultation.Review.Minutes;

/// <summary>
/// A session's minutes as a caller may read them. <see cref="Allowed"/> false: the caller may not read minutes at all
/// (403); <see cref="Session"/> null: no such session, or one whose room the caller may not enter (404);
/// <see cref="Minutes"/> null: not generated yet; <see cref="MayEdit"/>: the caller may generate, edit and finalise them.
/// </summary>
public sealed record MinutesRead(bool Allowed, DialogueSession? Session, ConsultationDetails? Consultation, SessionMinutes? Minutes, bool MayEdit = false)
{
    public static readonly MinutesRead Refused = new(false, null, null, null);

    public static readonly MinutesRead NotFound = new(true, null, null, null);
}

public sealed class MinutesQueries(IQuerySession query, IMeetingCouncils councils)
{
    public async Task<MinutesRead> Find(Guid sessionId, Caller caller, CancellationToken cancellation = default)
    {
        if (sessionId == Guid.Empty) return MinutesAccess.MayReadMinutes(caller, null) ? MinutesRead.NotFound : MinutesRead.Refused;
        var council = await councils.Of(query, sessionId, caller, cancellation);
        if (MinutesAccess.Hidden(caller, council)) return MinutesRead.NotFound;
        if (!MinutesAccess.MayReadMinutes(caller, council)) return MinutesRead.Refused;
        var minutes = await query.LoadAsync<SessionMinutes>(SessionMinutes.IdOf(sessionId), cancellation);
        var events = await query.Events.FetchStreamAsync(sessionId, token: cancellation);
        if (events is not [{ Data: SessionScheduled }, ..]) return MinutesRead.NotFound;
        var session = DialogueSession.Fold(events.Select(e => e.Data))!;
        var consultation = await query.LoadAsync<ConsultationDetails>(session.ConsultationId, cancellation);
        // A council's meeting is read by whom its case says, even one not invited to the consultation's room.
        if (consultation is null || (council is null && !DialogueAccess.MayJoin(consultation, caller))) return MinutesRead.NotFound;
        return new(true, session, consultation, minutes, MinutesAccess.MayEditMinutes(caller, council));
    }
}

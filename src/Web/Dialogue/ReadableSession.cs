using System.Security.Claims;
using Marten;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Web.Dialogue;

/// <summary>
/// A session as stored now, for reading by someone who may take part in it (who may then read it).
/// <see cref="Session"/> null: no such session, or none the caller may know of; <see cref="Me"/> null: the caller may not.
/// </summary>
public sealed record ReadableSession(DialogueSession? Session, ConsultationDetails? Consultation, Participant? Me)
{
    public static async Task<ReadableSession> Load(
        Guid id, ClaimsPrincipal user, DialogueSessions sessions, IQuerySession query, CancellationToken cancellation)
    {
        var session = await sessions.Current(id, cancellation);
        if (session is null) return new(null, null, null);
        var consultation = await query.LoadAsync<ConsultationDetails>(session.ConsultationId, cancellation);
        var me = DialogueParticipant.From(user);
        if (consultation is null || !DialogueAccess.MayKnowOf(consultation, me)) return new(null, null, null);
        return DialogueAccess.MayJoin(consultation, me) ? new(session, consultation, me) : new(session, null, null);
    }
}

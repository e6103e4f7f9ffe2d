using Marten;
using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Consultation.Cases.LinkingSession;

/// <summary>
/// A moderator names the council's meeting: a live session (the existing room, with its agenda) of the case's
/// consultation. Naming another one later replaces it.
/// </summary>
public sealed record LinkCaseSession(Guid CaseId, Guid? SessionId, Caller Moderator)
{
    /// <param name="scheduled">How the session named was scheduled; null when there is none.</param>
    public static Decision Decide(CritiqueCase? found, LinkCaseSession command, SessionScheduled? scheduled, DateTimeOffset now)
    {
        if (!command.Moderator.IsModerator) return Decision.Forbid(DomainText.CaseUnionModeratorsOnly);
        if (found is null) return Decision.NotFound(DomainText.CaseNotFound);
        if (found.ConsultationId is null) return Decision.Conflict(DomainText.CaseWithoutConsultation);
        if (scheduled is null || scheduled.SessionId != command.SessionId || scheduled.ConsultationId != found.ConsultationId)
            return Decision.Invalid("sessionId", DomainText.CaseSessionUnknown);
        if (found.Status != CaseStatus.Accepted) return Decision.Conflict(DomainText.CaseNotAccepted);
        if (found.SessionId == scheduled.SessionId) return Decision.Nothing;
        return Decision.Accept(new CaseSessionLinked(found.Id, scheduled.SessionId, command.Moderator.UserName, now));
    }
}

public sealed class LinkCaseSessionHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(LinkCaseSession command, CancellationToken cancellation) =>
        CaseChange.Run(store, command.CaseId, async (session, c) =>
        {
            var scheduled = command.SessionId is { } id && id != Guid.Empty
                ? (await session.Events.QueryRawEventDataOnly<SessionScheduled>().Where(e => e.SessionId == id).ToListAsync(cancellation)).FirstOrDefault()
                : null;
            return LinkCaseSession.Decide(c, command, scheduled, time.GetUtcNow());
        }, cancellation);
}

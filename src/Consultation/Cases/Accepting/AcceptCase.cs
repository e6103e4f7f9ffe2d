using Marten;

namespace Nq45Consult.Consultation.Cases.Accepting;

/// <summary>The Union (a moderator) takes the agency's request on.</summary>
public sealed record AcceptCase(Guid CaseId, Caller Moderator)
{
    public static Decision Decide(CritiqueCase? found, AcceptCase command, DateTimeOffset now)
    {
        if (!command.Moderator.IsModerator) return Decision.Forbid(DomainText.CaseUnionModeratorsOnly);
        if (found is null) return Decision.NotFound(DomainText.CaseNotFound);
        if (found.Status != CaseStatus.Requested) return Decision.Conflict(DomainText.CaseAlreadyDecided);
        return Decision.Accept(new CaseAccepted(found.Id, command.Moderator.UserName, now));
    }
}

public sealed class AcceptCaseHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(AcceptCase command, CancellationToken cancellation) =>
        CaseChange.Run(store, command.CaseId, (_, c) => Task.FromResult(AcceptCase.Decide(c, command, time.GetUtcNow())), cancellation);
}

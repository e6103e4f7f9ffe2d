using Marten;

namespace Nq45Consult.Consultation.OpinionMap.Statements;

/// <summary>A moderator approves an expert's proposed statement: it is shown and open to votes.</summary>
public sealed record ApproveStatement(Guid StatementId, Caller Caller)
{
    public static Decision Decide(Statement? statement, ApproveStatement command, DateTimeOffset now)
    {
        if (!command.Caller.IsModerator) return Decision.Forbid(DomainText.StatementApproveModeratorsOnly);
        if (statement is null) return Decision.NotFound(OpinionMapRules.StatementNotFound);
        if (statement.Approved) return Decision.Nothing;
        return Decision.Accept(new StatementApproved(statement.Id, statement.ConsultationId, command.Caller.UserName, now));
    }
}

public sealed class ApproveStatementHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(ApproveStatement command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var statement = command.StatementId == Guid.Empty ? null : await session.LoadAsync<Statement>(command.StatementId, cancellation);
        var decision = ApproveStatement.Decide(statement, command, time.GetUtcNow());
        if (decision is not { Accepted: true, Events.Count: > 0 }) return decision;
        session.Events.Append(command.StatementId, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}

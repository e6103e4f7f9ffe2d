using Marten;

namespace Nq45Consult.Consultation.OpinionMap.Statements;

/// <summary>A moderator hides or restores a statement with a written reason, as feedback is moderated; nothing is deleted.</summary>
public sealed record ModerateStatement(Guid StatementId, string? Action, string? Reason, Caller Caller)
{
    public const int MaxReasonLength = 2_000;

    public static Decision Decide(Statement? statement, ModerateStatement command, DateTimeOffset now)
    {
        if (!command.Caller.IsModerator) return Decision.Forbid(DomainText.StatementModerateModeratorsOnly);
        if (statement is null) return Decision.NotFound(OpinionMapRules.StatementNotFound);
        var errors = new Dictionary<string, string[]>();
        if (command.Action is not ("hide" or "restore")) errors["action"] = [DomainText.StatementActionHideRestore];
        var reason = command.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) errors["reason"] = [DomainText.ReasonRequired];
        else if (reason.Length > MaxReasonLength) errors["reason"] = [DomainText.ReasonTooLong(MaxReasonLength)];
        if (errors.Count > 0) return Decision.Invalid(errors);

        var by = command.Caller.UserName;
        return command.Action switch
        {
            "hide" when statement.Hidden => Decision.Conflict(DomainText.StatementHidden),
            "hide" => Decision.Accept(new StatementHidden(statement.Id, statement.ConsultationId, reason!, by, now)),
            _ when !statement.Hidden => Decision.Conflict(DomainText.StatementNotHidden),
            _ => Decision.Accept(new StatementRestored(statement.Id, statement.ConsultationId, reason!, by, now)),
        };
    }
}

public sealed class ModerateStatementHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(ModerateStatement command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var statement = command.StatementId == Guid.Empty ? null : await session.LoadAsync<Statement>(command.StatementId, cancellation);
        var decision = ModerateStatement.Decide(statement, command, time.GetUtcNow());
        if (!decision.Accepted) return decision;
        session.Events.Append(command.StatementId, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}

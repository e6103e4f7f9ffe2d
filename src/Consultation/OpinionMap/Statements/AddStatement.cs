using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.OpinionMap.Statements;

/// <summary>
/// A moderator seeds a statement (shown at once) or an expert proposes one (shown once a moderator approves it): a
/// short claim others agree or disagree with.
/// </summary>
public sealed record AddStatement(Guid ConsultationId, string? Text, Caller Caller)
{
    public static Decision Decide(ConsultationDetails? consultation, OpinionMapScope? scope, AddStatement command, Guid statementId, DateTimeOffset now)
    {
        var caller = command.Caller;
        if (!caller.IsModerator && !caller.IsExpert) return Decision.Forbid(DomainText.StatementExpertsOrModerators);
        if (consultation is null || !OpinionMapRules.MaySee(consultation, caller)) return Decision.NotFound(OpinionMapRules.ConsultationNotFound);
        if (scope is null) return Decision.Conflict(OpinionMapRules.MapNotOn);
        if (!caller.IsModerator)
        {
            if (!OpinionMapRules.TakesPart(consultation, caller)) return Decision.Forbid(DomainText.InvitedExpertsOnly);
            if (consultation.Status != ConsultationStatus.Open) return Decision.Conflict(DomainText.ConsultationNotOpen);
        }
        else if (OpinionMapRules.HasEnded(consultation)) return Decision.Conflict(DomainText.ConsultationEnded);

        var errors = new Dictionary<string, string[]>();
        var text = OpinionMapRules.Text(command.Text, errors);
        if (text is null) return Decision.Invalid(errors);
        var origin = caller.IsModerator ? StatementOrigin.Seeded : StatementOrigin.Proposed;
        return Decision.Accept(new StatementAdded(statementId, consultation.Id, text, origin, null, caller.IsModerator, caller.UserName, now));
    }
}

public sealed class AddStatementHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<StatementOutcome> Handle(AddStatement command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var (consultation, scope) = await OpinionMapLoads.ConsultationAndScope(session, command.ConsultationId, cancellation);
        var id = Guid.CreateVersion7();
        var decision = AddStatement.Decide(consultation, scope, command, id, time.GetUtcNow());
        if (!decision.Accepted) return new StatementOutcome(decision, Guid.Empty);
        session.Events.StartStream<Statement>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new StatementOutcome(decision, id);
    }
}

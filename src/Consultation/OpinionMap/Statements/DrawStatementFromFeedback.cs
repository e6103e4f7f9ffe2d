using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.OpinionMap.Statements;

/// <summary>
/// A moderator turns a feedback item into a statement: its proposed wording is the claim (or <see cref="Text"/>, a
/// shortened claim, when given), linked to the item.
/// </summary>
public sealed record DrawStatementFromFeedback(Guid FeedbackId, string? Text, Caller Caller)
{
    public static Decision Decide(FeedbackItem? item, ConsultationDetails? consultation, OpinionMapScope? scope, DrawStatementFromFeedback command, Guid statementId, DateTimeOffset now)
    {
        if (!command.Caller.IsModerator) return Decision.Forbid(DomainText.StatementFromFeedbackModeratorsOnly);
        if (item is null || consultation is null) return Decision.NotFound(DomainText.FeedbackNotFound);
        if (item.Withdrawn || item.Hidden) return Decision.Conflict(DomainText.FeedbackWithdrawnOrHidden);
        if (scope is null) return Decision.Conflict(OpinionMapRules.MapNotOn);
        if (OpinionMapRules.HasEnded(consultation)) return Decision.Conflict(DomainText.ConsultationEnded);
        var claim = string.IsNullOrWhiteSpace(command.Text) ? item.Content.ProposedText : command.Text;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(claim))
            return Decision.Invalid("text", DomainText.FeedbackNoProposal);
        var text = OpinionMapRules.Text(claim, errors);
        if (text is null) return Decision.Invalid(errors);
        return Decision.Accept(new StatementAdded(statementId, consultation.Id, text, StatementOrigin.Feedback, item.Id, true, command.Caller.UserName, now));
    }
}

public sealed class DrawStatementFromFeedbackHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<StatementOutcome> Handle(DrawStatementFromFeedback command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var item = command.FeedbackId == Guid.Empty ? null : await session.LoadAsync<FeedbackItem>(command.FeedbackId, cancellation);
        var (consultation, scope) = item is null ? (null, null) : await OpinionMapLoads.ConsultationAndScope(session, item.ConsultationId, cancellation);
        var id = Guid.CreateVersion7();
        var decision = DrawStatementFromFeedback.Decide(item, consultation, scope, command, id, time.GetUtcNow());
        if (!decision.Accepted) return new StatementOutcome(decision, Guid.Empty);
        session.Events.StartStream<Statement>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new StatementOutcome(decision, id);
    }
}

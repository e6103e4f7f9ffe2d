using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.OpinionMap.Voting;

/// <summary>An expert agrees, disagrees or passes on a shown statement; voting again changes the vote (the last counts).</summary>
public sealed record VoteOnStatement(Guid StatementId, string? Vote, Caller Caller)
{
    public static Decision Decide(Statement? statement, ConsultationDetails? consultation, StatementVote? current, VoteOnStatement command, DateTimeOffset now)
    {
        var caller = command.Caller;
        if (statement is null || consultation is null || !OpinionMapRules.MaySee(consultation, caller)
            || !statement.IsVisible && !caller.IsModerator)
            return Decision.NotFound(OpinionMapRules.StatementNotFound);
        if (!caller.IsExpert) return Decision.Forbid(DomainText.VoteExpertsOnly);
        if (!OpinionMapRules.TakesPart(consultation, caller)) return Decision.Forbid(DomainText.InvitedExpertsOnly);
        if (!statement.IsVisible) return Decision.Conflict(DomainText.StatementNotApprovedOrHidden);
        if (consultation.Status != ConsultationStatus.Open) return Decision.Conflict(DomainText.ConsultationNotOpen);
        if (!KebabCase.TryParse<VoteChoice>(command.Vote, out var vote))
            return Decision.Invalid("vote", DomainText.VoteMustBeOneOf(KebabCase.Names<VoteChoice>()));
        if (current?.Vote == vote) return Decision.Nothing;
        return Decision.Accept(new StatementVoted(OpinionMapIds.VoteOf(statement.Id, caller.UserName), statement.Id, statement.ConsultationId, caller.UserName, vote, now));
    }
}

/// <summary>Appends to the voter's own stream for the statement, so votes of different people never contend.</summary>
public sealed class VoteOnStatementHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(VoteOnStatement command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var (statement, consultation) = await OpinionMapLoads.StatementAndConsultation(session, command.StatementId, cancellation);
        var current = statement is null ? null : await session.LoadAsync<StatementVote>(OpinionMapIds.VoteOf(statement.Id, command.Caller.UserName), cancellation);
        var decision = VoteOnStatement.Decide(statement, consultation, current, command, time.GetUtcNow());
        if (decision is not { Accepted: true, Events.Count: > 0 }) return decision;
        session.Events.Append(OpinionMapIds.VoteOf(statement!.Id, command.Caller.UserName), decision.Events);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}

using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>A voter's current vote on one statement: the last <see cref="StatementVoted"/> of its own stream.</summary>
public sealed record StatementVote(Guid Id, Guid StatementId, Guid ConsultationId, string Voter, VoteChoice Vote, DateTimeOffset VotedAt);

public sealed class StatementVoteProjection : SingleStreamProjection<StatementVote, Guid>
{
    public static StatementVote Create(StatementVoted e) => new(e.VoteId, e.StatementId, e.ConsultationId, e.Voter, e.Vote, e.VotedAt);

    public static StatementVote Apply(StatementVoted e, StatementVote current) => current with { Vote = e.Vote, VotedAt = e.VotedAt };
}

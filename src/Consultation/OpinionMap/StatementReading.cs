namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>A statement with its vote counts and the reader's own vote (null: not voted, or not signed in).</summary>
public sealed record StatementReading(Statement Statement, int Agree, int Disagree, int Pass, VoteChoice? Mine)
{
    public int Votes => Agree + Disagree + Pass;
}

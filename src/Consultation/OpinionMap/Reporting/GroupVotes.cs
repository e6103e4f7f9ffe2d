namespace Nq45Consult.Consultation.OpinionMap.Reporting;

/// <summary>How one group voted on one statement: counts only.</summary>
public sealed record GroupVotes(int Agree, int Disagree, int Seen);

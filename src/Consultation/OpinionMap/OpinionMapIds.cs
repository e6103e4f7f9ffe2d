namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>
/// Stream ids derived from what they belong to, so a consultation has one map scope stream and a voter one vote stream per
/// statement without a lookup (and two concurrent first votes of one person collide instead of both counting).
/// </summary>
public static class OpinionMapIds
{
    public static Guid ScopeOf(Guid consultationId) => DerivedIds.Of($"opinion-map\n{consultationId:N}");

    public static Guid VoteOf(Guid statementId, string voter) => DerivedIds.Of($"statement-vote\n{statementId:N}\n{voter.ToUpperInvariant()}");
}

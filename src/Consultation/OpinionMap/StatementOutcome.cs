namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>What adding a statement concluded, and the new statement's id when accepted.</summary>
public sealed record StatementOutcome(Decision Decision, Guid Id);

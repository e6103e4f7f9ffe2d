namespace Nq45Consult.Consultation.Consultations;

/// <summary>What happened to a command on a consultation: not found, or the decision taken (and, when accepted, the read model after it).</summary>
public sealed record CommandOutcome(Decision? Decision, ConsultationDetails? Consultation)
{
    public static readonly CommandOutcome NotFound = new(null, null);
}

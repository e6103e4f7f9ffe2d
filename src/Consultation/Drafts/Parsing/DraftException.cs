namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>Base of the errors a draft can be rejected with; <see cref="Field"/> names the offending input.</summary>
public abstract class DraftException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>The draft exceeds one of the <see cref="DraftLimits"/>.</summary>
public sealed class DraftTooLargeException(DraftLimit limit, string message) : DraftException("markdown", message)
{
    public DraftLimit Limit { get; } = limit;
}

namespace Nq45Consult.Consultation.Recommendations;

/// <summary>Settings of recommendations (<c>Recommendations</c> section), validated at start.</summary>
public sealed class RecommendationsOptions
{
    public const string Section = "Recommendations";

    /// <summary>Days the agency has to answer once a moderator routes a recommendation to it (1–365).</summary>
    public int AnswerDays { get; set; } = 30;

    public IEnumerable<string> Problems()
    {
        if (AnswerDays is < 1 or > 365) yield return $"{Section}:AnswerDays must be between 1 and 365 (days).";
    }
}

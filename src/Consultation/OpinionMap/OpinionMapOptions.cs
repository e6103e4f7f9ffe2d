namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>Settings of the opinion map (<c>OpinionMap</c> section).</summary>
public sealed class OpinionMapOptions
{
    public const string Section = "OpinionMap";

    /// <summary>
    /// Shortest time between two background recomputations of one consultation's map as votes arrive: the first vote
    /// after a quiet spell recomputes at once, the votes during the interval are taken together at its end.
    /// </summary>
    public TimeSpan RecomputeInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Problems()
    {
        if (RecomputeInterval < TimeSpan.FromSeconds(1) || RecomputeInterval > TimeSpan.FromHours(1))
            yield return $"{Section}:RecomputeInterval must be between 00:00:01 and 01:00:00.";
    }
}

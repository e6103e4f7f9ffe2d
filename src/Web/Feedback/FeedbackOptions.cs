namespace Nq45Consult.Web.Feedback;

/// <summary>Settings of the feedback endpoints and live updates (<c>Feedback</c> section).</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>Largest request body the feedback routes accept; larger ones get 413. Room for 2 × 20,000 characters and references.</summary>
    public long MaxRequestBytes { get; set; } = 1_048_576;

    /// <summary>How long live counter updates are gathered before one recount per consultation is pushed.</summary>
    public TimeSpan LiveUpdateDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public IEnumerable<string> Problems()
    {
        if (MaxRequestBytes is < 64 * 1024 or > 50 * 1024 * 1024)
            yield return $"{Section}:MaxRequestBytes must be between 65536 and 52428800.";
        if (LiveUpdateDelay < TimeSpan.Zero || LiveUpdateDelay > TimeSpan.FromSeconds(10))
            yield return $"{Section}:LiveUpdateDelay must be between 00:00:00 and 00:00:10.";
    }
}

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>Limits of live dialogue sessions (<c>Dialogue</c> section).</summary>
public sealed class DialogueOptions
{
    public const string Section = "Dialogue";

    public int MaxTitleLength { get; set; } = 200;
    public int MaxQuestionLength { get; set; } = 500;
    public int MaxAnswerLength { get; set; } = 4000;
    public int MaxMessageLength { get; set; } = 300;
    public int MaxReasonLength { get; set; } = 300;
    public int MaxPollOptionLength { get; set; } = 200;
    public int MinPollOptions { get; set; } = 2;
    public int MaxPollOptions { get; set; } = 10;

    /// <summary>How often an append that lost a race with another node is retried after catching up.</summary>
    public int ConcurrencyRetries { get; set; } = 20;

    /// <summary>Problems with the settings themselves, checked at start.</summary>
    public IEnumerable<string> Problems()
    {
        var lengths = new Dictionary<string, int>
        {
            [nameof(MaxTitleLength)] = MaxTitleLength, [nameof(MaxQuestionLength)] = MaxQuestionLength,
            [nameof(MaxAnswerLength)] = MaxAnswerLength, [nameof(MaxMessageLength)] = MaxMessageLength,
            [nameof(MaxReasonLength)] = MaxReasonLength, [nameof(MaxPollOptionLength)] = MaxPollOptionLength,
            [nameof(ConcurrencyRetries)] = ConcurrencyRetries,
        };
        foreach (var (name, value) in lengths.Where(l => l.Value < 1))
            yield return $"{Section}:{name} must be at least 1.";
        if (MinPollOptions < 2 || MaxPollOptions < MinPollOptions)
            yield return $"{Section}:MinPollOptions must be at least 2 and MaxPollOptions at least MinPollOptions.";
    }
}

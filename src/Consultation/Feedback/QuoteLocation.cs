namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// Finds a passage an expert quoted without its offsets (a plain string, as api-v1.md allows) in the section's
/// text. Only a passage found exactly once can be stored: anything else would pin the item to a place the
/// expert may not have meant.
/// </summary>
public static class QuoteLocation
{
    /// <summary>The quote at the passage's single exact (ordinal) occurrence in <paramref name="sectionText"/>; null with how many there are otherwise.</summary>
    public static Quote? Locate(string passage, string sectionText, out int occurrences)
    {
        occurrences = 0;
        var found = -1;
        for (var at = sectionText.IndexOf(passage, StringComparison.Ordinal); at >= 0;
             at = at + 1 < sectionText.Length ? sectionText.IndexOf(passage, at + 1, StringComparison.Ordinal) : -1)
        {
            // Overlapping occurrences count too: "aa" in "aaa" is ambiguous.
            occurrences++;
            found = at;
        }
        return occurrences == 1 ? new Quote(passage, found, found + passage.Length) : null;
    }
}

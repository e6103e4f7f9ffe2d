namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// Free text is stored exactly as written (scripts, RTL marks, zero-width characters, emoji). Only what
/// PostgreSQL's JSON cannot hold is refused: the NUL character and broken UTF-16 surrogate pairs.
/// </summary>
public static class TextRules
{
    public static string InvalidCharacters => DomainText.TextInvalidCharacters;

    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }

    /// <summary>Checks an optional text against a maximum length; adds an error under <paramref name="field"/>.</summary>
    public static void Check(string? text, string field, int maxLength, bool required, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors[field] = [DomainText.FieldRequired(label)];
            return;
        }
        if (text.Length > maxLength) errors[field] = [DomainText.FieldTooLongFormatted(label, maxLength)];
        else if (!IsStorable(text)) errors[field] = [InvalidCharacters];
    }
}

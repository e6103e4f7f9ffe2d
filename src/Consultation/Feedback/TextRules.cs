namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// Free text is stored exactly as written (scripts, RTL marks, zero-width characters, emoji). Only what
/// PostgreSQL's JSON cannot hold is refused: the NUL character and broken UTF-16 surrogate pairs.
/// </summary>
public static class TextRules
{
    public const string InvalidCharacters = "Văn bản chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode hỏng).";

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
            if (required) errors[field] = [$"{label} là bắt buộc."];
            return;
        }
        if (text.Length > maxLength) errors[field] = [$"{label} dài tối đa {maxLength:N0} ký tự."];
        else if (!IsStorable(text)) errors[field] = [InvalidCharacters];
    }
}

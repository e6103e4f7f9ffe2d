using System.Globalization;
using System.Text;

namespace Nq45Consult.Consultation.Common;

/// <summary>The one fold of searchable text, shared by every capability that searches (experts' registry, feedback items).</summary>
public static class TextFold
{
    /// <summary>
    /// Lower case without diacritics, đ as d, runs of spaces as one: "Tiến  Sĩ" and "tien si" fold alike.
    /// The same fold is applied to stored search text and to queries, so an index serves the match.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) };
            if (char.IsWhiteSpace(lower))
            {
                if (!lastWasSpace) folded.Append(' ');
                lastWasSpace = true;
                continue;
            }
            folded.Append(lower);
            lastWasSpace = false;
        }
        return folded.ToString().TrimEnd();
    }
}

using System.Globalization;
using System.Text;

namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>Turns Vietnamese text into a lower-case ASCII slug ("Phạm vi điều chỉnh" → "pham-vi-dieu-chinh").</summary>
public static class AnchorSlug
{
    private const int MaxLength = 60;

    public static string From(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        var pendingDash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // đ is a letter of its own, not d plus a mark, so decomposition leaves it alone.
            var ascii = c is 'đ' or 'Đ' ? 'd' : char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
            if (ascii == '\0')
            {
                pendingDash = builder.Length > 0;
                continue;
            }

            if (builder.Length + (pendingDash ? 2 : 1) > MaxLength)
            {
                break;
            }

            if (pendingDash)
            {
                builder.Append('-');
                pendingDash = false;
            }

            builder.Append(ascii);
        }

        return builder.ToString();
    }
}

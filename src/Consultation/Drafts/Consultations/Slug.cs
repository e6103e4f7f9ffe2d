using System.Globalization;
using System.Text;

namespace Nq45Consult.Consultation.Drafts.Consultations;

/// <summary>URL-safe address of a consultation from its title: "Kế hoạch số 45" → "ke-hoach-so-45".</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxLength) slug = slug[..MaxLength].TrimEnd('-');
        return slug.Length > 0 ? slug : "tham-van";
    }

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && From(slug) == slug;
}

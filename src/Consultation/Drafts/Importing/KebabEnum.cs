using System.Text;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Importing;

/// <summary>Reads enum values written in kebab case ("legal-document" → LegalDocument).</summary>
internal static class KebabEnum
{
    public static T Parse<T>(string field, string? value, T fallback)
        where T : struct, Enum
    {
        if (value is null)
        {
            return fallback;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(ToKebab(candidate), value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        var allowed = string.Join(", ", Enum.GetValues<T>().Select(ToKebab));
        throw new DraftInvalidException(field, $"\"{value}\" is not a valid {field}; expected one of: {allowed}.");
    }

    private static string ToKebab<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var kebab = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }
}

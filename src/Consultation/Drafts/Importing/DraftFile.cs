using System.Globalization;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Importing;

/// <summary>A draft as stored in content/drafts: front matter describing the consultation, then the Markdown.</summary>
public sealed record DraftFile(
    string Slug,
    string Title,
    string Summary,
    string DraftingAgency,
    DraftDocumentType DocumentType,
    IReadOnlyList<string> Fields,
    DraftAudience Audience,
    int? ConsultationDays,
    string Markdown)
{
    private static readonly string[] KnownKeys =
        ["slug", "title", "summary", "draftingAgency", "documentType", "fields", "audience", "consultationDays"];

    /// <exception cref="DraftInvalidException">The front matter is malformed, has unknown keys or lacks a title.</exception>
    public static DraftFile Parse(string fileText)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        var frontMatter = FrontMatter.Read(fileText);
        if (frontMatter.Keys.FirstOrDefault(key => !KnownKeys.Contains(key)) is { } unknown)
        {
            // A misspelt key would otherwise silently fall back to its default.
            throw new DraftInvalidException(unknown, $"Unknown front matter key \"{unknown}\"; expected one of: {string.Join(", ", KnownKeys)}.");
        }

        var title = frontMatter.Scalar("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DraftInvalidException("title", "The front matter has no \"title\"; every draft needs one.");
        }

        return new DraftFile(
            frontMatter.Scalar("slug") ?? AnchorSlug.From(title),
            title,
            frontMatter.Scalar("summary") ?? "",
            frontMatter.Scalar("draftingAgency") ?? "",
            KebabEnum.Parse("documentType", frontMatter.Scalar("documentType"), DraftDocumentType.Policy),
            frontMatter.List("fields"),
            KebabEnum.Parse("audience", frontMatter.Scalar("audience"), DraftAudience.Public),
            ParseDays(frontMatter.Scalar("consultationDays")),
            frontMatter.Body);
    }

    private static int? ParseDays(string? value) => value switch
    {
        null => null,
        _ when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0 => days,
        _ => throw new DraftInvalidException("consultationDays", $"\"consultationDays\" must be a positive whole number of days, not \"{value}\"."),
    };
}

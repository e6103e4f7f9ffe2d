using System.Text.RegularExpressions;

namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>
/// Recognises the numbering that opens one heading or paragraph of a Vietnamese draft.
/// Works on the inline text of a single block, never on the raw document.
/// </summary>
internal static partial class SectionNumbering
{
    public static NumberedLine? Match(string line)
    {
        if (LegalPart().Match(line) is { Success: true } legalPart)
        {
            return Line(SectionKind.Part, "Phần " + legalPart.Groups["n"].Value, legalPart);
        }

        if (Chapter().Match(line) is { Success: true } chapter)
        {
            return Line(SectionKind.Chapter, "Chương " + chapter.Groups["n"].Value, chapter);
        }

        if (LegalSection().Match(line) is { Success: true } section)
        {
            return Line(SectionKind.LegalSection, "Mục " + section.Groups["n"].Value, section);
        }

        if (Article().Match(line) is { Success: true } article)
        {
            return Line(SectionKind.Article, "Điều " + article.Groups["n"].Value, article);
        }

        if (Part().Match(line) is { Success: true } part)
        {
            return Line(SectionKind.Part, part.Groups["n"].Value, part);
        }

        if (Item().Match(line) is { Success: true } item)
        {
            return Line(SectionKind.Item, item.Groups["n"].Value, item);
        }

        if (Point().Match(line) is { Success: true } point)
        {
            return Line(SectionKind.Point, point.Groups["n"].Value, point);
        }

        return null;
    }

    private static NumberedLine Line(SectionKind kind, string number, Match match)
    {
        var title = match.Groups["title"];
        return new NumberedLine(kind, number, title.Value.Trim(), title.Index);
    }

    // "Phần" alone starts ordinary headings ("Phần mở đầu"): only a numeral makes it a part of a code.
    [GeneratedRegex(@"^Phần\s+(?:thứ\s+)?(?<n>[IVXLC]+|\d+|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b\s*[.:\-–]?\s*(?<title>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex LegalPart();

    [GeneratedRegex(@"^Chương\s+(?<n>[IVXLC]+|\d+)\b\s*[.:\-–]?\s*(?<title>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Chapter();

    // "Mục" alone also starts ordinary headings ("Mục đích", "Mục tiêu"): only a number makes it a section.
    [GeneratedRegex(@"^Mục\s+(?<n>\d+)\b\s*[.:\-–]?\s*(?<title>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex LegalSection();

    [GeneratedRegex(@"^Điều\s+(?<n>\d+[a-z]?)\b\s*[.:]?\s*(?<title>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Article();

    // C, D and M are left out so that lettered headings ("C. Kết luận") are not taken for parts.
    [GeneratedRegex(@"^(?<n>[IVXL]+)\s*[-–.]\s*(?<title>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Part();

    [GeneratedRegex(@"^(?<n>\d{1,3}(?:\.\d{1,3})*)\s*[.)]\s+(?<title>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Item();

    [GeneratedRegex(@"^(?<n>[a-zđ])\s*\)\s*(?<title>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Point();
}

namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>
/// Gives each section an anchor built from its own numbering and its parent's anchor.
/// Unnumbered sections are counted within their parent only, so editing another part of the
/// document never shifts them. The scheme is described in docs/drafts.md.
/// </summary>
internal sealed class SectionAnchors
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);
    private readonly Dictionary<(PendingSection? Parent, SectionKind Kind), int> _unnumberedCounts = [];

    public string Assign(PendingSection section)
    {
        var segment = Segment(section);
        var anchor = section.Parent is null || IsDocumentWide(section.Kind)
            ? segment
            : section.Parent.Anchor + "-" + segment;
        return Deduplicate(anchor);
    }

    // Articles and chapters are numbered across the whole law, so they need no parent prefix.
    private static bool IsDocumentWide(SectionKind kind) => kind is SectionKind.Chapter or SectionKind.Article;

    private static readonly string[] OrdinalWords = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"];

    /// <summary>"Phần thứ hai", "Phần II" and "Phần 2" all give "2".</summary>
    private static string PartNumber(string number)
    {
        var value = NumberOnly(number).ToLowerInvariant();
        var ordinal = Array.IndexOf(OrdinalWords, value);
        return ordinal >= 0 ? (ordinal + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : ArabicChapterNumber(number);
    }

    private string Segment(PendingSection section) => section.Kind switch
    {
        SectionKind.Part => section.Number.StartsWith("Phần ", StringComparison.Ordinal) ? "phan-" + PartNumber(section.Number) : section.Number,
        SectionKind.Chapter => "chuong-" + ArabicChapterNumber(section.Number),
        SectionKind.LegalSection => "muc-" + NumberOnly(section.Number),
        SectionKind.Article => "dieu-" + NumberOnly(section.Number).ToLowerInvariant(),
        SectionKind.Item => (section.Parent?.Kind is SectionKind.Article ? "khoan-" : "") + section.Number.Replace('.', '-'),
        SectionKind.Point => (section.Parent?.IsLegal == true ? "diem-" : "") + PointLetter(section.Number),
        SectionKind.Bullet => "b" + NextUnnumbered(section),
        SectionKind.Titled => AnchorSlug.From(section.Heading) is { Length: > 0 } slug ? slug : "h" + NextUnnumbered(section),
        _ => "p" + NextUnnumbered(section),
    };

    private int NextUnnumbered(PendingSection section)
    {
        var key = (section.Parent, section.Kind);
        var next = _unnumberedCounts.GetValueOrDefault(key) + 1;
        _unnumberedCounts[key] = next;
        return next;
    }

    private static string NumberOnly(string number) => number[(number.LastIndexOf(' ') + 1)..];

    private static string ArabicChapterNumber(string number)
    {
        var value = NumberOnly(number);
        return value.All(char.IsAsciiDigit) ? value : RomanNumerals.ToInt(value.ToUpperInvariant()).ToString();
    }

    // "đ" (the letter after d in Vietnamese point lists) must not collide with "d".
    private static string PointLetter(string letter) => letter == "đ" ? "dd" : letter;

    private string Deduplicate(string anchor)
    {
        if (_used.Add(anchor))
        {
            return anchor;
        }

        // Remembering the last suffix keeps thousands of identical headings linear, not quadratic.
        var n = _nextSuffix.GetValueOrDefault(anchor, 2);
        while (!_used.Add(anchor + "-" + n))
        {
            n++;
        }

        _nextSuffix[anchor] = n + 1;
        return anchor + "-" + n;
    }
}

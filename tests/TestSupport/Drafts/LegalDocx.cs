using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Nq45Consult.TestSupport.Drafts;

/// <summary>
/// Writes a Vietnamese legal text as a Word document the way agencies keep them: chapters and articles
/// in Heading 1 and Heading 2 styles with automatic numbering ("Chương %1.", "Điều %1."), clauses in
/// a numbered list restarted for each article, dashes as a bullet list, the rest as plain paragraphs.
/// </summary>
public static partial class LegalDocx
{
    private const int ChapterList = 1;
    private const int ArticleList = 2;
    private const int ClauseList = 3;
    private const int BulletList = 4;

    public static byte[] FromText(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var numbering = new Numbering(
                Abstract(ChapterList, NumberFormatValues.UpperRoman, "Chương %1."),
                Abstract(ArticleList, NumberFormatValues.Decimal, "Điều %1."),
                Abstract(ClauseList, NumberFormatValues.Decimal, "%1."),
                Abstract(BulletList, NumberFormatValues.Bullet, "-"));
            var body = new Body();
            var writer = new Writer(numbering, body);
            var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !Rule().IsMatch(l)).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (Chapter().Match(line) is { Success: true } chapter)
                {
                    var title = chapter.Groups["title"].Value;
                    if (title.Length == 0 && i + 1 < lines.Count && IsUpperTitle(lines[i + 1])) title = lines[++i];
                    writer.Numbered("Heading1", ChapterList, RomanValue(chapter.Groups["n"].Value), title, bold: true);
                }
                else if (Article().Match(line) is { Success: true } article)
                {
                    writer.Numbered("Heading2", ArticleList, int.Parse(article.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), article.Groups["title"].Value, bold: true);
                    writer.InArticle = true;
                    writer.RestartClauses();
                }
                else if (writer.InArticle && Clause().Match(line) is { Success: true } clause)
                {
                    writer.Numbered(null, ClauseList, int.Parse(clause.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), clause.Groups["title"].Value, bold: false);
                }
                else if (Bullet().Match(line) is { Success: true } bullet)
                {
                    writer.Numbered(null, BulletList, 1, bullet.Groups["title"].Value, bold: false);
                }
                else
                {
                    writer.Plain(line, bold: line.StartsWith("Nơi nhận", StringComparison.Ordinal));
                }
            }

            main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private sealed class Writer(Numbering numbering, Body body)
    {
        private readonly Dictionary<int, (int NumId, int Next)> _lists = [];
        private int _nextNumId = 1;

        public bool InArticle { get; set; }

        public void RestartClauses() => _lists.Remove(ClauseList);

        /// <summary>Continues the list when the number follows on, or starts a new instance at the written number (excerpts skip articles).</summary>
        public void Numbered(string? style, int list, int number, string text, bool bold)
        {
            if (list == BulletList) number = _lists.TryGetValue(list, out var bullets) ? bullets.Next : 1;
            if (!_lists.TryGetValue(list, out var current) || current.Next != number)
            {
                var instance = new NumberingInstance(new AbstractNumId { Val = list }) { NumberID = _nextNumId };
                instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = number }) { LevelIndex = 0 });
                numbering.Append(instance);
                current = (_nextNumId++, number);
            }

            _lists[list] = (current.NumId, number + 1);
            var properties = new ParagraphProperties();
            if (style is not null) properties.Append(new ParagraphStyleId { Val = style });
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = current.NumId }));
            body.Append(new Paragraph(properties, Run(text, bold)));
        }

        public void Plain(string text, bool bold) => body.Append(new Paragraph(Run(text, bold)));
    }

    private static Run Run(string text, bool bold)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static AbstractNum Abstract(int id, NumberFormatValues format, string text) =>
        new(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = 0 })
        {
            AbstractNumberId = id,
        };

    private static Styles Styles() => new(
        new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        Heading("Heading1", "heading 1", 0),
        Heading("Heading2", "heading 2", 1));

    private static Style Heading(string id, string name, int outline) =>
        new(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new StyleParagraphProperties(new OutlineLevel { Val = outline }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };

    private static bool IsUpperTitle(string line) => line.Any(char.IsLetter) && !line.Any(char.IsLower) && !Article().IsMatch(line);

    private static int RomanValue(string roman) =>
        roman.All(char.IsAsciiDigit) ? int.Parse(roman, System.Globalization.CultureInfo.InvariantCulture)
            : roman.ToUpperInvariant().Select(c => c switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, _ => 0 })
                .Reverse().Aggregate((Total: 0, Max: 0), (acc, v) => v < acc.Max ? (acc.Total - v, acc.Max) : (acc.Total + v, v)).Total;

    [GeneratedRegex(@"^[═─━=*_\-–—~·•.\s]{3,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(?:Chương|CHƯƠNG)\s+(?<n>[IVXLC]+|\d+)\b\s*[.:\-–]?\s*(?<title>.*)$")]
    private static partial Regex Chapter();

    [GeneratedRegex(@"^Điều\s+(?<n>\d+)\s*\.\s*(?<title>.*)$")]
    private static partial Regex Article();

    [GeneratedRegex(@"^(?<n>\d{1,3})\.\s+(?<title>.*)$")]
    private static partial Regex Clause();

    [GeneratedRegex(@"^[-+]\s+(?<title>.*)$")]
    private static partial Regex Bullet();
}

using System.Text;
using System.Text.RegularExpressions;

namespace Nq45Consult.Consultation.Drafts.Reading;

/// <summary>
/// Plain text (pasted from a portal or a PDF, or a .txt file) as lines and tables: each line is a
/// block of its own, rules of ═ ─ * are dropped, box-drawn and tab-separated tables become tables.
/// </summary>
internal static partial class PlainTextLines
{
    private const string BoxEdges = "┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬─═━+";
    private const string CellWalls = "│║┃|";

    public static List<SourceBlock> Read(string text)
    {
        var lines = text.Normalize(NormalizationForm.FormC)
            .Replace('\u00A0', ' ')
            .Replace("\r\n", "\n").Replace('\r', '\n')
            .Split('\n')
            .Select(line => line.TrimEnd())
            .ToList();
        var blocks = new List<SourceBlock>();
        for (var i = 0; i < lines.Count;)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || Rule().IsMatch(line))
            {
                i++;
            }
            else if (IsBoxLine(line))
            {
                var start = i;
                while (i < lines.Count && IsBoxLine(lines[i].Trim())) i++;
                blocks.Add(BoxTable(lines.GetRange(start, i - start)));
            }
            else if (TabCells(lines[i]) is { Length: >= 2 } first && i + 1 < lines.Count && TabCells(lines[i + 1]).Length == first.Length)
            {
                var rows = new List<IReadOnlyList<string>>();
                while (i < lines.Count && TabCells(lines[i]).Length == first.Length)
                {
                    rows.Add(TabCells(lines[i]).Select(MarkdownEscape.Inline).ToList());
                    i++;
                }

                blocks.Add(new SourceTable(rows));
            }
            else
            {
                blocks.Add(SourceLine.OfPlain(CollapseSpaces(line.Replace('\t', ' '))));
                i++;
            }
        }

        return blocks;
    }

    public static bool IsRule(string line) => Rule().IsMatch(line);

    /// <summary>Runs of spaces (justified or aligned text) read as one.</summary>
    public static string CollapseSpaces(string text) => Spaces().Replace(text, " ");

    private static bool IsBoxLine(string line) =>
        line.Length > 0 && (BoxEdges.Contains(line[0]) || CellWalls.Contains(line[0]))
        && line.Any(c => CellWalls.Contains(c) || c is '┌' or '├' or '└' or '╔' or '╠' or '╚');

    private static string[] TabCells(string line) =>
        line.Contains('\t') ? line.Trim().Split('\t').Select(cell => cell.Trim()).ToArray() : [];

    /// <summary>Rows are the lines with walls; a row whose first cell is empty continues the row above (wrapped cell text).</summary>
    private static SourceTable BoxTable(List<string> lines)
    {
        var rows = new List<List<string>>();
        foreach (var line in lines.Select(l => l.Trim()))
        {
            if (line.All(c => BoxEdges.Contains(c) || c == ' ')) continue;
            var cells = line.Split(CellWalls.ToCharArray()).Select(cell => cell.Trim()).ToList();
            if (cells.Count > 1 && cells[0].Length == 0) cells.RemoveAt(0);
            if (cells.Count > 1 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
            if (rows.Count > 0 && cells.Count == rows[^1].Count && cells[0].Length == 0)
            {
                for (var c = 0; c < cells.Count; c++)
                {
                    if (cells[c].Length > 0) rows[^1][c] = (rows[^1][c] + " " + cells[c]).Trim();
                }
            }
            else
            {
                rows.Add(cells);
            }
        }

        return new SourceTable(rows.Select(row => (IReadOnlyList<string>)row.Select(MarkdownEscape.Inline).ToList()).ToList());
    }

    /// <summary>A line made only of rule characters: drawn separators, not text.</summary>
    [GeneratedRegex(@"^[═─━=*_\-–—~·•.\s]{3,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();
}

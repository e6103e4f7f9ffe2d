using System.Text;
using System.Text.RegularExpressions;

namespace Nq45Consult.Web.Tests.Shell;

/// <summary>
/// Every user-facing text reaches a page through the resources, in Vietnamese and English: a view under
/// src/Web/Pages or a script under wwwroot/js that carries its own text shows it in one language only.
/// </summary>
/// <remarks>
/// A scan, not a parser, so it errs on the side of what a reader would see. In views it drops Razor and HTML
/// comments and Razor expressions (<c>@T["…"]</c>, <c>@(…)</c>, <c>@name.member[…](…)</c>), then fails on any
/// Vietnamese letter left anywhere (markup or C#), on letters between a tag's end and the next tag's start on one
/// line (a text node), and on letters in the attributes people read (title, placeholder, aria-label, alt). In
/// scripts it drops comments and fails on Vietnamese letters and on string literals that read like a sentence.
/// One row per folder under Pages (a file at the top is its own row) and one for the scripts, so a failure names
/// the area. The C# of src/Web (page models, endpoints, hubs, helpers that build labels) is scanned too, comments
/// dropped, for Vietnamese letters: a label built in code reaches English pages as well.
/// </remarks>
public partial class LiteralTextTests
{
    private static readonly string Web = Path.Combine(Root(), "src", "Web");
    private static readonly string PagesFolder = Path.Combine(Web, "Pages");
    private static readonly string Scripts = Path.Combine(Web, "wwwroot", "js");

    /// <summary>
    /// Files of src/Web whose Vietnamese is meant, with why, relative to src/Web. Empty today: what stays Vietnamese on
    /// purpose (the DOCX/XLSX synthesis report, a state document, and the reading of Vietnamese drafts) lives in
    /// src/Consultation, outside this scan. A file is added here only with its reason.
    /// </summary>
    private static readonly Dictionary<string, string> VietnameseOnPurpose = [];

    public static TheoryData<string> Areas()
    {
        var areas = new TheoryData<string>();
        foreach (var area in Directory.EnumerateFiles(PagesFolder, "*.cshtml", SearchOption.AllDirectories)
                     .Select(AreaOf).Distinct().Order(StringComparer.Ordinal))
            areas.Add(area);
        areas.Add("js");
        return areas;
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Views_and_scripts_take_every_text_from_the_resources(string area)
    {
        var problems = area == "js"
            ? Directory.EnumerateFiles(Scripts, "*.js").SelectMany(f => ScriptProblems(File.ReadAllText(f)).Select(p => $"{Path.GetFileName(f)}:{p}"))
            : Directory.EnumerateFiles(PagesFolder, "*.cshtml", SearchOption.AllDirectories).Where(f => AreaOf(f) == area)
                .SelectMany(f => ViewProblems(File.ReadAllText(f)).Select(p => $"{Path.GetRelativePath(PagesFolder, f)}:{p}"));
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"Literal text in {area} ({list.Count}):\n" + string.Join("\n", list));
    }

    [Fact]
    public void Web_code_takes_every_text_from_the_resources()
    {
        var files = Directory.EnumerateFiles(Web, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Web, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .ToList();
        Assert.All(VietnameseOnPurpose.Keys, allowed => Assert.Contains(allowed, files));
        var list = files.Where(f => !VietnameseOnPurpose.ContainsKey(f))
            .SelectMany(f => CodeProblems(File.ReadAllText(Path.Combine(Web, f))).Select(p => $"{f}:{p}")).ToList();
        Assert.True(list.Count == 0, $"Vietnamese in src/Web code ({list.Count}):\n" + string.Join("\n", list));
    }

    [Fact]
    public void The_scan_finds_literal_text_and_lets_resource_lookups_pass()
    {
        Assert.NotEmpty(CodeProblems("Status.Draft => \"Bản nháp\","));
        Assert.Empty(CodeProblems("/// <summary>\"Góp ý của tôi\"</summary>\nStatus.Draft => texts[\"ConsultationStatus_Draft\"], // Bản nháp"));
        Assert.NotEmpty(ViewProblems("<p>Vui lòng</p>"));
        Assert.NotEmpty(ViewProblems("<h2>Charts</h2>"));
        Assert.NotEmpty(ViewProblems("<nav aria-label=\"Contents\">"));
        Assert.NotEmpty(ViewProblems("@{ var x = \"Đã gửi\"; }"));
        Assert.Empty(ViewProblems("<p class=\"meta\">@T[\"Sent\"] @Model.Count(i => i.Ok) · @(a ? T[\"Yes\"] : T[\"No\"])</p>"));
        Assert.Empty(ViewProblems("@* Góp ý *@<nav aria-label=\"@T[\"Toc\"]\"><!-- Contents --></nav>"));
        Assert.NotEmpty(ScriptProblems("status.textContent = `Đang tải ${what}`;"));
        Assert.NotEmpty(ScriptProblems("status.textContent = \"Draft saved on this device.\";"));
        Assert.Empty(ScriptProblems("// Đang tải\nconst x = form.querySelector(\"#ask-form button\"); t(\"Approve\");"));
    }

    private static string AreaOf(string file)
    {
        var first = Path.GetRelativePath(PagesFolder, file).Split(Path.DirectorySeparatorChar)[0];
        return first.EndsWith(".cshtml", StringComparison.Ordinal) ? first[..^".cshtml".Length] : first;
    }

    private static IEnumerable<string> ViewProblems(string view)
    {
        view = RazorComment().Replace(HtmlComment().Replace(view, KeepLines), KeepLines);
        var lines = view.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            if (Vietnamese().IsMatch(lines[n])) yield return $"{n + 1}: Vietnamese: {lines[n].Trim()}";
            var markup = WithoutRazorExpressions(lines[n]);
            foreach (Match text in TextNode().Matches(markup))
                if (Word().IsMatch(text.Groups[1].Value)) yield return $"{n + 1}: text \"{text.Groups[1].Value.Trim()}\"";
            foreach (Match attribute in ReadAttribute().Matches(markup))
                if (Word().IsMatch(attribute.Groups[2].Value)) yield return $"{n + 1}: {attribute.Groups[1].Value}=\"{attribute.Groups[2].Value}\"";
        }
    }

    private static IEnumerable<string> ScriptProblems(string script)
    {
        var lines = ScriptComment().Replace(script, KeepLines).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            if (Vietnamese().IsMatch(lines[n])) yield return $"{n + 1}: Vietnamese: {lines[n].Trim()}";
            else if (Sentence().IsMatch(lines[n])) yield return $"{n + 1}: sentence: {lines[n].Trim()}";
        }
    }

    /// <summary>C# comments are the scripts' comments; a <c>//</c> inside a string literal cuts the rest of its line, which
    /// can only hide a letter, never report one that is not there.</summary>
    private static IEnumerable<string> CodeProblems(string code)
    {
        var lines = ScriptComment().Replace(code, KeepLines).Split('\n');
        for (var n = 0; n < lines.Length; n++)
            if (Vietnamese().IsMatch(lines[n])) yield return $"{n + 1}: Vietnamese: {lines[n].Trim()}";
    }

    /// <summary>Comments go, their line breaks stay, so the line numbers in a failure stay right.</summary>
    private static string KeepLines(Match comment) => new('\n', comment.Value.Count(c => c == '\n'));

    /// <summary>Drops <c>@(…)</c>, <c>@name.member[…](…)</c> chains and the C# of <c>@if (…)</c>, <c>@foreach (…)</c>,
    /// <c>} else if (…)</c> and <c>@await …</c>, balancing brackets, so a lookup's key or a condition never reads as text.</summary>
    private static string WithoutRazorExpressions(string line)
    {
        line = ElseBranch().Replace(line, "} @else");
        var kept = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == '@' && i + 1 < line.Length && (line[i + 1] == '(' || char.IsLetter(line[i + 1]) || line[i + 1] == '_'))
            {
                i++;
                var word = i;
                while (i < line.Length)
                {
                    if (line[i] is '(' or '[') i = AfterClosing(line, i);
                    else if (char.IsLetterOrDigit(line[i]) || line[i] == '_') i++;
                    else if (line[i] == '?' && i + 1 < line.Length && line[i + 1] == '.') i++;
                    else if (line[i] == '.' && i + 1 < line.Length && (char.IsLetter(line[i + 1]) || line[i + 1] == '_')) i++;
                    else if (line[i] == ' ' && Keywords.Contains(line[word..i]))
                    {
                        while (i < line.Length && line[i] == ' ') i++;
                        word = i;
                    }
                    else break;
                }
                kept.Append(' ');
            }
            else kept.Append(line[i++]);
        }
        return kept.ToString();
    }

    private static readonly HashSet<string> Keywords = ["if", "else", "foreach", "for", "while", "switch", "using", "await", "lock"];

    private static int AfterClosing(string line, int open)
    {
        var depth = 0;
        for (var i = open; i < line.Length; i++)
        {
            if (line[i] is '(' or '[') depth++;
            else if (line[i] is ')' or ']' && --depth == 0) return i + 1;
        }
        return line.Length;
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Nq45Consult.sln"))) dir = dir.Parent;
        return dir.FullName;
    }

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex ScriptComment();

    [GeneratedRegex(@"\}\s*else\b")]
    private static partial Regex ElseBranch();

    [GeneratedRegex(">([^<>]*)<")]
    private static partial Regex TextNode();

    [GeneratedRegex(@"\b(title|placeholder|aria-label|alt)=""([^""]*)""")]
    private static partial Regex ReadAttribute();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Word();

    /// <summary>A capitalised word, then more words, ending in a full stop, an ellipsis or a colon: a message, not a
    /// selector or an event name.</summary>
    [GeneratedRegex(@"[""'`][A-Z][a-z]+( [^""'`]*)?[.…:][""'`]")]
    private static partial Regex Sentence();
}

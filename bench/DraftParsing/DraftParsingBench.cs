using System.Diagnostics;
using System.Text;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.Consultation.Drafts.Parsing;
using Nq45Consult.Consultation.Drafts.Reading;
using Nq45Consult.TestSupport.Drafts;

namespace Nq45Consult.Bench.DraftParsing;

/// <summary>
/// Times the three ways a draft comes in: Markdown just under the section limit, a 300-article law pasted
/// as text, the same law as a Word file. Smoke mode runs the smallest sizes once and only checks the counts
/// (the test suite runs it, so the bench keeps working); it never judges a time.
/// </summary>
public static class DraftParsingBench
{
    public const int LawArticles = 300;
    public const int SmokeLawArticles = 5;
    public const int SmokeMarkdownSections = 50;

    /// <param name="Sections">Sections each input gave, checked against the count it was built for.</param>
    public sealed record Case(string Name, int Sections, int Bytes);

    public static IReadOnlyList<Case> Run(bool smoke, TextWriter output)
    {
        var markdownSections = smoke ? SmokeMarkdownSections : DraftLimits.MaxSections - 10;
        var articles = smoke ? SmokeLawArticles : LawArticles;
        var law = SyntheticLaw.WithArticles(articles);
        var markdown = SyntheticDraft.WithSections(markdownSections);
        var docx = LegalDocx.FromText(law);
        var cases = new (string Name, int Expected, int Bytes, Func<int> Parse)[]
        {
            ($"Markdown, {markdownSections:N0} sections", markdownSections, Encoding.UTF8.GetByteCount(markdown), () => DraftParser.Parse(markdown).Sections.Count),
            ($"Law of {articles} articles as pasted text", SyntheticLaw.SectionsOf(articles), Encoding.UTF8.GetByteCount(law), () => Sections(DraftReader.FromText(law, DraftReader.Detect(law)))),
            ($"Law of {articles} articles as .docx", SyntheticLaw.SectionsOf(articles), docx.Length, () => Sections(DraftReader.FromDocx(docx, "file"))),
        };

        var results = new List<Case>();
        foreach (var (name, expected, bytes, parse) in cases)
        {
            var sections = parse();
            if (sections != expected)
            {
                throw new InvalidOperationException($"{name}: {sections} sections, expected {expected}.");
            }

            results.Add(new Case(name, sections, bytes));
            if (smoke)
            {
                output.WriteLine($"{name}: {sections:N0} sections (smoke run, not timed)");
                continue;
            }

            var (median, p95) = Time(parse);
            output.WriteLine($"{name}: {sections:N0} sections, {bytes:N0} bytes; read + parse + render + sanitize: median {median:F1} ms, p95 {p95:F1} ms");
        }

        return results;
    }

    private static int Sections(DraftReading reading) => DraftParser.Parse(reading.Markdown).Sections.Count;

    private static (double Median, double P95) Time(Func<int> parse)
    {
        const int Warmup = 3;
        const int Runs = 20;
        for (var i = 0; i < Warmup; i++) parse();
        var timings = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            parse();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return (timings[Runs / 2], timings[(int)Math.Ceiling(Runs * 0.95) - 1]);
    }
}

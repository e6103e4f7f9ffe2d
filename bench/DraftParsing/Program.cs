using System.Diagnostics;
using System.Text;
using Nq45Consult.Bench.DraftParsing;
using Nq45Consult.Consultation.Drafts.Parsing;

const int Warmup = 3;
const int Runs = 20;
const int Sections = DraftLimits.MaxSections - 10;

var markdown = SyntheticDraft.WithSections(Sections);
var parsed = DraftParser.Parse(markdown).Sections.Count;
if (parsed != Sections)
{
    throw new InvalidOperationException($"Generated draft parsed into {parsed} sections, expected {Sections}.");
}

for (var i = 0; i < Warmup; i++)
{
    DraftParser.Parse(markdown);
}

var timings = new List<double>(Runs);
for (var i = 0; i < Runs; i++)
{
    var watch = Stopwatch.StartNew();
    DraftParser.Parse(markdown);
    timings.Add(watch.Elapsed.TotalMilliseconds);
}

timings.Sort();
var median = timings[Runs / 2];
var p95 = timings[(int)Math.Ceiling(Runs * 0.95) - 1];
Console.WriteLine($"Draft: {Sections:N0} sections, {Encoding.UTF8.GetByteCount(markdown):N0} bytes of Markdown");
Console.WriteLine($"Parse + render + sanitize over {Runs} warm runs: median {median:F1} ms, p95 {p95:F1} ms");
Console.WriteLine($"Throughput at the median: {Sections / (median / 1000):N0} sections/s");

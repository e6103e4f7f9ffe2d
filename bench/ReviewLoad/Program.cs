// Review read paths at scale: summary, dashboard data and progress for a consultation of N items over S
// sections, the DOCX acceptance report of M items (time and managed-heap peak), and the PDFs printed by headless
// Chromium: the report of M items and a draft of P sections (time, pages' size).
// Usage (from the repository root): dotnet run -c Release --project bench/ReviewLoad -- [items=100000] [sections=200]
//   [docxItems=10000] [pdfSections=500] [--smoke]
// --smoke: 300 items over 10 sections, a DOCX and a PDF of 100, a draft PDF of 20 sections; fails unless the progress
// counts every item and every answer, the reports hold every row and both PDFs print (the test suite runs it; no
// time is judged).
using System.Diagnostics;
using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Creating;
using Nq45Consult.Consultation.Consultations.Opening;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Counting;
using Nq45Consult.Consultation.Review;
using Nq45Consult.Consultation.Review.Dashboard;
using Nq45Consult.Consultation.Review.Reporting;
using Nq45Consult.Consultation.Consultations.Printing;
using Nq45Consult.Consultation.Storage;
using Nq45Consult.TestSupport;
using Nq45Consult.Web.Printing;
using Microsoft.Extensions.Logging.Abstractions;
using Nq45Consult.Bench.DraftParsing;

var smoke = args.Contains("--smoke");
var sizes = args.Where(a => a.All(char.IsAsciiDigit)).Select(int.Parse).ToArray();
var items = smoke ? 300 : sizes.Length > 0 ? sizes[0] : 100_000;
var sections = smoke ? 10 : sizes.Length > 1 ? sizes[1] : 200;
var docxItems = smoke ? 100 : sizes.Length > 2 ? sizes[2] : 10_000;
var pdfSections = smoke ? 20 : sizes.Length > 3 ? sizes[3] : 500;
var failures = new List<string>();

var services = new ServiceCollection().AddLogging();
services.AddConsultation(TestCluster.CreateDatabase("reviewbench"), new StorageOptions { ApplySchemaOnStart = false, RunProjectionDaemon = false });
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IDocumentStore>();
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
await using (var setup = store.LightweightSession())
{
    // Only the former search (timed for comparison) calls unaccent; the app no longer needs the extension.
    setup.QueueSqlCommand("create extension if not exists unaccent");
    await setup.SaveChangesAsync();
}
var moderator = Caller.Of("moderator", "moderator", Role.Moderator);
var consultationStream = new ConsultationStream(store, TimeProvider.System);
var review = Options.Create(new ReviewOptions());

var big = await Seed(items, sections);
await using (var session = store.QuerySession())
{
    var consultation = (await session.LoadAsync<ConsultationDetails>(big.Id))!;
    Console.WriteLine($"{items:N0} items over {sections} sections");
    // The floor on this machine: one round trip that does nothing, then the counters' one statement alone.
    await Measure("Round trip (select 1)", () => session.QueryAsync<int>("select 1"));
    await Measure("Counters read (one statement)", () => FeedbackCounters.Read(session, consultation.Id, anchorsOf: null));
    await Measure("Summary (api/summary)", () => new FeedbackQueries(session).Summary(consultation));
    await Measure("Dashboard data (heat map, stances, per day, participation)", () => new ReviewDashboard(session).Data(consultation));
    await Measure("Review progress (unanswered count)", () => new ReviewProgressQuery(session, review).Of(consultation));
    // Seed answers every third item.
    var progress = await new ReviewProgressQuery(session, review).Of(consultation);
    if (progress.Items != items || progress.Responded != (items + 2) / 3)
        failures.Add($"progress counts {progress.Items} items, {progress.Responded} answered; expected {items}, {(items + 2) / 3}");
    // The search: "quy hoach" is in every item, "y kien so 4242" in 11 (4242, 42420–42429). Each through the dashboard
    // (folded search text, trigram index) and, for comparison, the former condition (unaccent on both sides, ilike).
    foreach (var query in new[] { "quy hoach", "y kien so 4242" })
    {
        await Measure($"Items page, search '{query}' (folded search text, trigram index)", () => new ReviewDashboard(session).Items(consultation.Id, new ItemFilter(Search: query)));
        await Measure($"Items page, search '{query}' (former: unaccent … ilike unaccent(?))", () => FormerSearch(session, consultation.Id, query));
    }
    // Where the time goes: the plan of the dashboard's one statement, for both terms.
    await using var connection = store.Storage.Database.CreateConnection();
    await connection.OpenAsync();
    foreach (var query in new[] { "quy hoach", "y kien so 4242" })
    {
        Console.WriteLine($"explain (analyze, buffers), search '{query}':");
        await using var explain = new ReviewDashboard(session).ItemsStatement(consultation.Id, new ItemFilter(Search: query));
        explain.CommandText = $"explain (analyze, buffers) {explain.CommandText}";
        explain.Connection = connection;
        await using var plan = await explain.ExecuteReaderAsync();
        while (await plan.ReadAsync()) Console.WriteLine($"  {plan.GetString(0)}");
    }
}

var small = await Seed(docxItems, sections);
await using (var session = store.QuerySession())
{
    var consultation = (await session.LoadAsync<ConsultationDetails>(small.Id))!;
    for (var run = 1; run <= 3; run++)
    {
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        var watch = Stopwatch.StartNew();
        var report = new AcceptanceReport(session, TimeProvider.System);
        var path = Path.GetTempFileName();
        await using (var file = File.Create(path))
            await DocxReport.Write(file, await report.Preamble(consultation, true), report.Rows(consultation, true));
        watch.Stop();
        // Live memory (after a full collection) every 1,000 rows, in a separate pass so the timing above stays clean.
        long live = 0;
        var rows = 0;
        await using (var file = File.Create(path))
            await DocxReport.Write(file, await report.Preamble(consultation, true), Sampled(report.Rows(consultation, true), () => live = Math.Max(live, GC.GetTotalMemory(true)), () => rows++));
        if (rows != docxItems) failures.Add($"the DOCX report has {rows} rows, not {docxItems}");
        Console.WriteLine($"DOCX of {docxItems:N0} items, run {run}: {watch.ElapsedMilliseconds:N0} ms, {new FileInfo(path).Length / 1024:N0} KiB, " +
            $"live managed memory at most {(live - baseline) / 1024.0 / 1024:N1} MiB above baseline");
        File.Delete(path);
    }
}
// The PDFs, printed as the app prints them: the report of docxItems rows, then a legal-style draft of pdfSections sections.
var printer = new ChromiumPdf(Options.Create(new PdfOptions { MaxConcurrentRenders = 1, TimeoutSeconds = 3600 }), NullLogger<ChromiumPdf>.Instance);
var styles = new PrintStyles(Path.Combine("src", "Web", "wwwroot"));
if (!printer.Installed) failures.Add($"no Chromium at {new PdfOptions().ChromiumPath}");
else
{
    await using (var session = store.QuerySession())
    {
        var consultation = (await session.LoadAsync<ConsultationDetails>(small.Id))!;
        var report = new AcceptanceReport(session, TimeProvider.System);
        for (var run = 1; run <= (smoke ? 1 : 2); run++)
        {
            var rows = 0;
            var preamble = await report.Preamble(consultation, true);
            await PrintPdf($"PDF report of {docxItems:N0} items, run {run}", output => printer.Print(
                (page, token) => HtmlReport.Write(page, preamble, Sampled(report.Rows(consultation, true, token), () => { }, () => rows++), styles.Report, token),
                output, CancellationToken.None));
            if (rows != docxItems) failures.Add($"the PDF report has {rows} rows, not {docxItems}");
        }
    }
    var draft = await Seed(0, 0, SyntheticDraft.WithSections(pdfSections));
    await using (var session = store.QuerySession())
    {
        var version = (await session.LoadAsync<DraftVersion>(DraftVersion.IdOf(draft.Id, 1)))!;
        if (version.Sections.Count != pdfSections) failures.Add($"the draft has {version.Sections.Count} sections, not {pdfSections}");
        for (var run = 1; run <= (smoke ? 1 : 3); run++)
            await PrintPdf($"PDF draft of {version.Sections.Count:N0} sections, run {run}", output => printer.Print(
                (page, token) => DraftPrint.Write(page, draft, version, styles.Draft, token), output, CancellationToken.None));
    }
}

foreach (var failure in failures) Console.WriteLine($"FAILED: {failure}");
if (smoke && failures.Count == 0) Console.WriteLine("Smoke run: every check held.");
return failures.Count == 0 ? 0 : 1;

// The dashboard's search as it was before the folded search text: the same count and page, unaccent on both sides.
async Task<int> FormerSearch(IQuerySession session, Guid consultationId, string query)
{
    const string Where = "CAST(d.data ->> 'consultationId' as uuid) = ? and d.data ->> 'status' = ? and " +
        "unaccent(coalesce(d.data -> 'content' ->> 'rationale', '') || ' ' || coalesce(d.data -> 'content' ->> 'proposedText', '')) ilike unaccent(?)";
    var table = store.Options.Schema.For<FeedbackItem>();
    object[] parameters = [consultationId, nameof(FeedbackStatus.Published), $"%{query}%"];
    var total = await session.QueryAsync<int>($"select count(*)::int from {table} d where {Where}", parameters);
    var page = await session.QueryAsync<FeedbackItem>(
        $"select d.data from {table} d where {Where} order by CAST(d.data ->> 'submittedAt' as timestamptz) limit {ItemFilter.PageSize}", parameters);
    return total.Single() + page.Count;
}

// Prints one PDF to a temporary file: time (page written, Chromium run, copy), size; fails unless a PDF came out.
async Task PrintPdf(string name, Func<Stream, Task<PdfOutcome>> print)
{
    var path = Path.GetTempFileName();
    var watch = Stopwatch.StartNew();
    PdfOutcome outcome;
    await using (var file = File.Create(path)) outcome = await print(file);
    watch.Stop();
    var head = new byte[5];
    await using (var file = File.OpenRead(path)) await file.ReadExactlyAsync(head.AsMemory(0, Math.Min(5, (int)file.Length)));
    if (outcome != PdfOutcome.Printed || Encoding.ASCII.GetString(head) != "%PDF-") failures.Add($"{name}: {outcome}, no PDF");
    Console.WriteLine($"{name}: {watch.ElapsedMilliseconds:N0} ms, {new FileInfo(path).Length / 1024:N0} KiB");
    File.Delete(path);
}

static async IAsyncEnumerable<ReportRow> Sampled(IAsyncEnumerable<ReportRow> rows, Action sample, Action counted)
{
    await foreach (var row in rows)
    {
        if (row.Number % 1_000 == 0) sample();
        counted();
        yield return row;
    }
}

async Task Measure<T>(string name, Func<Task<T>> action)
{
    for (var i = 0; i < 3; i++) await action();
    var times = new List<double>();
    for (var i = 0; i < 30; i++)
    {
        var watch = Stopwatch.StartNew();
        await action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{name}: p50 {times[times.Count / 2]:N1} ms, p95 {times[(int)(times.Count * 0.95)]:N1} ms");
}

// A consultation with `sectionCount` sections (or the draft `draftMarkdown`) and `count` items written as their inline documents (the read
// side under test); a third answered, a fifth anonymous, 2,000 distinct experts, spread over 30 days.
async Task<ConsultationDetails> Seed(int count, int sectionCount, string? draftMarkdown = null)
{
    var now = DateTimeOffset.UtcNow;
    var created = await new CreateConsultationHandler(store, TimeProvider.System, Options.Create(new ConsultationOptions()), new AgencyQueries(store)).Handle(new(null, new ConsultationDetailsInput(
        $"Đo tải {count}", "Tóm tắt", "Sở KH&CN", "plan", ["y tế"], "public", now.AddDays(-40), now.AddDays(30)), moderator), CancellationToken.None);
    var id = created.Consultation!.Id;
    var markdown = new StringBuilder("# Dự thảo đo tải\n\n");
    for (var s = 1; s <= sectionCount; s++) markdown.Append($"## Điều {s}. Quy định số {s}\n\nNội dung quy hoạch của điều {s}.\n\n");
    var published = await new PublishDraftVersionHandler(consultationStream).Handle(new(id, DraftSections.Pasted(draftMarkdown ?? markdown.ToString()), null, moderator), CancellationToken.None);
    var anchors = (await store.QuerySession().LoadAsync<DraftVersion>(DraftVersion.IdOf(id, 1)))!.Sections.Select(s => s.Anchor).ToArray();
    var stances = Enum.GetValues<Stance>();
    var random = new Random(45);
    var batch = new List<FeedbackItem>();
    for (var i = 0; i < count; i++)
    {
        var expert = $"expert{random.Next(2000)}";
        var at = now.AddDays(-random.Next(30)).AddMinutes(-random.Next(1440));
        var content = new FeedbackContent(null, stances[random.Next(stances.Length)], i % 2 == 0 ? "Sửa thành: quy hoạch tổng thể." : null,
            $"Ý kiến số {i}: đề nghị làm rõ quy hoạch và nguồn lực thực hiện, lộ trình {random.Next(1000)}.", [],
            i % 5 == 0 ? Attribution.Anonymous : Attribution.Named);
        var item = new FeedbackItem(Guid.CreateVersion7(), id, 1, i % 50 == 0 ? null : anchors[random.Next(anchors.Length)], content,
            new AuthorSnapshot(expert, $"TS. Chuyên gia {expert}"), expert.ToUpperInvariant(), content.Stance, FeedbackStatus.Published,
            false, false, 0, null, null, null, 1, at, at)
        {
            Response = i % 3 == 0 ? new ItemResponse(ResponseDecision.Accepted, "Đã tiếp thu.", "official", now) : null,
        };
        batch.Add(item);
        if (batch.Count == 5_000 || i == count - 1)
        {
            await store.BulkInsertDocumentsAsync(batch);
            batch.Clear();
        }
    }
    // Documents written directly carry no counter deltas: count them as the start-up rebuild of an older database does.
    await FeedbackCounters.Rebuild(store, force: true);
    // Empties the GIN indexes' pending lists and refreshes the statistics, as autovacuum would after a bulk load.
    await using (var connection = store.Storage.Database.CreateConnection())
    {
        await connection.OpenAsync();
        await new Npgsql.NpgsqlCommand($"vacuum analyze {store.Options.Schema.For<FeedbackItem>()}", connection).ExecuteNonQueryAsync();
    }
    await new OpenConsultationHandler(consultationStream).Handle(new(id, moderator), CancellationToken.None);
    return (await store.QuerySession().LoadAsync<ConsultationDetails>(id))!;
}

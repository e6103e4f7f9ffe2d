// The search at scale: 200 consultations with a 500-section draft each (published through the real handlers, so the
// index is written by its projection) and 100,000 feedback items (their FeedbackSubmitted events appended in batches of
// 2,000 per transaction: the inline projections, the search index's among them, write as they would for submissions),
// then GET /api/search's query (SearchQueries.Search, anonymous reader, page of 20) timed for a common and a rare term.
// Usage: dotnet run -c Release --project bench/Search -- [consultations=200] [sections=500] [items=100000] [runs=100] [--smoke]
// --smoke: 3 consultations of 30 sections, 600 items, 3 runs; fails unless the planted rare term is found exactly where it
// was planted, with its words marked, and a hidden item is found by a moderator only (the test suite runs it; no time judged).
using System.Diagnostics;
using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Nq45Consult.Consultation;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Creating;
using Nq45Consult.Consultation.Consultations.Opening;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Search;
using Nq45Consult.Consultation.Storage;
using Nq45Consult.TestSupport;

var smoke = args.Contains("--smoke");
var sizes = args.Where(a => a.All(char.IsAsciiDigit)).Select(int.Parse).ToArray();
var consultationCount = smoke ? 3 : sizes.Length > 0 ? sizes[0] : 200;
var sectionCount = smoke ? 30 : sizes.Length > 1 ? sizes[1] : 500;
var itemCount = smoke ? 600 : sizes.Length > 2 ? sizes[2] : 100_000;
var runs = smoke ? 3 : sizes.Length > 3 ? sizes[3] : 100;
var failures = new List<string>();

var connectionString = TestCluster.CreateDatabase("searchbench");
var services = new ServiceCollection().AddLogging();
services.AddConsultation(connectionString, new StorageOptions { ApplySchemaOnStart = false, RunProjectionDaemon = false });
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IDocumentStore>();
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
var stream = new ConsultationStream(store, TimeProvider.System);
var moderator = Caller.Of("moderator", "Điều phối viên", Role.Moderator);

// Words of plans and critiques; "phát triển" is in most texts (the common term), "Pà Cò" planted in a few (the rare one).
string[] words = ["nâng cao", "chất lượng", "nguồn nhân lực", "hạ tầng", "chuyển đổi số", "đổi mới", "sáng tạo", "nghiên cứu", "khoa học",
    "công nghệ", "đào tạo", "bồi dưỡng", "trí thức", "doanh nghiệp", "đầu tư", "ngân sách", "lộ trình", "chỉ tiêu", "đánh giá", "giám sát",
    "cơ chế", "chính sách", "thu hút", "nhân tài", "hợp tác", "quốc tế", "vùng núi", "nông thôn", "đô thị", "y tế", "giáo dục", "môi trường"];
var random = new Random(45);
string Sentence(int length) =>
    string.Join(" ", Enumerable.Range(0, length).Select(_ => random.Next(4) == 0 ? "phát triển" : words[random.Next(words.Length)])) + ".";
const string Rare = "Pà Cò";
var plantedSections = 0;
var plantedItems = 0;

var watch = Stopwatch.StartNew();
var consultations = new List<(Guid Id, IReadOnlyList<string> Anchors)>();
for (var c = 0; c < consultationCount; c++)
{
    var markdown = new StringBuilder($"# Kế hoạch số {c + 1}\n\n");
    for (var article = 1; article <= sectionCount / 10; article++)
    {
        markdown.Append($"## Điều {article}. {Sentence(4)}\n\n");
        for (var clause = 1; clause <= 9; clause++)
        {
            var planted = c % 50 == 0 && article == 1 && clause == 1;
            if (planted) plantedSections++;
            markdown.Append($"{clause}. {Sentence(20)}{(planted ? $" Ưu tiên xã {Rare}." : "")}\n\n");
        }
    }
    var now = DateTimeOffset.UtcNow;
    var created = await new CreateConsultationHandler(store, TimeProvider.System, Options.Create(new ConsultationOptions()), new AgencyQueries(store)).Handle(new(null,
        new ConsultationDetailsInput($"Kế hoạch {c + 1}", "Tóm tắt", "Sở KH&CN", "plan", ["khoa học và công nghệ"], "public", now.AddDays(-1), now.AddDays(60)),
        moderator), CancellationToken.None);
    var id = created.Consultation!.Id;
    var published = await new PublishDraftVersionHandler(stream).Handle(new(id, DraftSections.Pasted(markdown.ToString()), null, moderator), CancellationToken.None);
    if (published.Decision is not { Accepted: true }) throw new InvalidOperationException($"Publishing refused: {published.Decision}");
    await new OpenConsultationHandler(stream).Handle(new(id, moderator), CancellationToken.None);
    await using var session = store.QuerySession();
    var version = await session.LoadAsync<DraftVersion>(DraftVersion.IdOf(id, 1));
    consultations.Add((id, [.. version!.Sections.Select(s => s.Anchor)]));
}
Console.WriteLine($"{consultationCount:N0} consultations of {consultations[0].Anchors.Count:N0} sections published in {watch.Elapsed.TotalSeconds:N1} s");

watch.Restart();
var hidden = Guid.Empty;
for (var start = 0; start < itemCount; start += 2_000)
{
    await using var session = store.LightweightSession();
    for (var i = start; i < Math.Min(itemCount, start + 2_000); i++)
    {
        var (consultation, anchors) = consultations[i % consultations.Count];
        var planted = i % 10_000 == 7;
        if (planted) plantedItems++;
        var rationale = Sentence(15 + random.Next(40)) + (planted ? $" Cần ưu tiên xã {Rare}." : "") + (i == 1 ? " Xíu Hà." : "");
        var id = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow;
        session.Events.StartStream<FeedbackItem>(id, new FeedbackSubmitted(id, consultation, 1, anchors[random.Next(anchors.Count)],
            new FeedbackContent(null, Stance.Amend, null, rationale, [], i % 5 == 0 ? Attribution.Anonymous : Attribution.Named),
            new AuthorSnapshot($"expert{i % 500}", $"Chuyên gia {i % 500}"), at));
        if (i == 1) hidden = id;
    }
    await session.SaveChangesAsync();
}
// One common item hidden by a moderator: an anonymous reader never finds it.
await using (var session = store.LightweightSession())
{
    session.Events.Append(hidden, new FeedbackHidden(hidden, consultations[1].Id, ModerationCategory.Spam, "bench", "moderator", DateTimeOffset.UtcNow));
    await session.SaveChangesAsync();
}
Console.WriteLine($"{itemCount:N0} feedback items appended in {watch.Elapsed.TotalSeconds:N1} s");

await using (var connection = new NpgsqlConnection(connectionString))
{
    await connection.OpenAsync();
    await using (var analyze = new NpgsqlCommand($"analyze {store.Options.DatabaseSchemaName}.{SearchIndex.Table}", connection))
        await analyze.ExecuteNonQueryAsync();
    await using var size = new NpgsqlCommand($"""
        select count(*), pg_size_pretty(pg_total_relation_size('{store.Options.DatabaseSchemaName}.{SearchIndex.Table}')),
               pg_size_pretty(pg_relation_size('{store.Options.DatabaseSchemaName}.{SearchIndex.IndexName}'))
        from {store.Options.DatabaseSchemaName}.{SearchIndex.Table}
        """, connection);
    await using var reader = await size.ExecuteReaderAsync();
    await reader.ReadAsync();
    Console.WriteLine($"Index: {reader.GetInt64(0):N0} rows, {reader.GetString(1)} with its indexes, GIN {reader.GetString(2)}");
}

Console.WriteLine($"Search as an anonymous reader, page of {SearchRequest.DefaultPageSize}, {runs} timed runs each after 5 warm-ups:");
var rare = await Search("rare term \"pa co\"", "pa co");
await Search("rare term with diacritics \"Pà Cò\"", "Pà Cò");
var common = await Search("common term \"phat trien\"", "phat trien");
await Search("common term, feedback only", "phat trien", kind: "feedback");
await Search("common term, page 50", "phat trien", page: "50");
await Search("two common words \"chuyen doi so\"", "chuyen doi so");
if (rare.Total != plantedSections + plantedItems) failures.Add($"\"pa co\" found {rare.Total} texts, not the {plantedSections + plantedItems} planted");
if (rare.Hits.Any(h => !h.Snippet.HasMatch)) failures.Add("a hit of \"pa co\" has no word marked");
// Found in most texts: at least half the items, or, past the ranking cap, the cap with "more than" said.
if (common.MoreThanTotal ? common.Total != SearchQueries.RankedAtMost : common.Total < itemCount / 2)
    failures.Add($"\"phat trien\" found {common.Total} texts (more than that: {common.MoreThanTotal})");
if ((await Search("", "xiu ha", quiet: true)).Total != 0) failures.Add("the hidden item was found by an anonymous reader");
if ((await Search("", "xiu ha", quiet: true, caller: moderator)).Total != 1) failures.Add("the hidden item was not found by a moderator");
foreach (var failure in failures) Console.WriteLine($"FAILED: {failure}");
if (smoke && failures.Count == 0) Console.WriteLine("Smoke run: every check held.");
return failures.Count == 0 ? 0 : 1;

async Task<SearchResults> Search(string name, string q, string? kind = null, string? page = null, bool quiet = false, Caller? caller = null)
{
    var (request, errors) = SearchRequest.Parse(q, kind, null, null, null, page, null, new ConsultationOptions().AllowedFields);
    if (request is null) throw new InvalidOperationException(string.Join("; ", errors.SelectMany(e => e.Value)));
    async Task<SearchResults> Once()
    {
        await using var session = store.QuerySession();
        return await new SearchQueries(session).Search(request, caller);
    }
    var found = await Once();
    if (quiet) return found;
    for (var i = 0; i < 4; i++) await Once();
    var times = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var timer = Stopwatch.StartNew();
        await Once();
        times.Add(timer.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"  {name}: {found.Total:N0} found; p50 {times[runs / 2]:N1} ms, p95 {times[Math.Min(runs - 1, (int)(runs * 0.95))]:N1} ms");
    return found;
}

// Near-duplicate grouping at scale: a consultation of N public items of varied wording, a twentieth of them
// copies of 25 campaign texts with small edits; times NearDuplicates.Groups (trigram index + `%` per item).
// Usage (from the repository root): dotnet run -c Release --project bench/DuplicateGroups -- [items=10000] [pairwise: true|false] [--utf8] [--schema]
using System.Diagnostics;
using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review;
using Nq45Consult.Consultation.Review.Dashboard;
using Nq45Consult.Consultation.Storage;
using Nq45Consult.TestSupport;

var count = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var pairwise = args.Length > 1 && args[1] == "true";

var services = new ServiceCollection().AddLogging();
// The embedded cluster is initialised without a locale (C), under which pg_trgm skips every letter with a
// diacritic; --utf8 measures a database whose character classes are Unicode (C.UTF-8), as a production server's are.
var database = TestCluster.CreateDatabase("dupbench");
if (args.Contains("--utf8"))
{
    var name = $"dupbench_utf8_{Guid.NewGuid():N}";
    await using (var admin = new Npgsql.NpgsqlConnection(TestCluster.Instance.ConnectionString("postgres")))
    {
        await admin.OpenAsync();
        await new Npgsql.NpgsqlCommand($"create database {name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'", admin).ExecuteNonQueryAsync();
    }
    database = TestCluster.Instance.ConnectionString(name);
}
// No command timeout: a grouping that outlasts Npgsql's default 30 s is measured to its end.
services.AddConsultation(database + ";Command Timeout=0", new StorageOptions { ApplySchemaOnStart = false, RunProjectionDaemon = false });
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IDocumentStore>();
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

var consultationId = Guid.CreateVersion7();
var random = new Random(45);
// Arguments are 20–40 words drawn at random from the words of the sample drafts (content/drafts), so they share
// the everyday vocabulary of real feedback: unrelated pairs have a trigram similarity around 0.16 (at most about 0.3),
// as unrelated passages of those drafts do, and every common trigram's posting list is long.
var words = Directory.GetFiles(Path.Combine("content", "drafts"), "*.md")
    .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f).ToLowerInvariant(), @"\w+").Select(m => m.Value))
    .ToArray();
string Sentence(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)])) + ".";
var campaigns = Enumerable.Range(0, 25).Select(_ => Sentence(30)).ToArray();
var expectedCopies = 0;
var batch = new List<FeedbackItem>();
var now = DateTimeOffset.UtcNow;
for (var i = 0; i < count; i++)
{
    string text;
    if (i % 20 == 0)
    {
        text = campaigns[random.Next(campaigns.Length)] + (random.Next(3) == 0 ? " Trân trọng." : "");
        expectedCopies++;
    }
    else text = Sentence(random.Next(20, 41));
    var content = new FeedbackContent(null, Stance.Other, null, text, [], Attribution.Named);
    var author = $"expert{random.Next(2000)}";
    batch.Add(new FeedbackItem(Guid.CreateVersion7(), consultationId, 1, null, content, new AuthorSnapshot(author, author), author.ToUpperInvariant(),
        content.Stance, FeedbackStatus.Published, false, false, 0, null, null, null, 1, now, now));
    if (batch.Count == 5_000 || i == count - 1)
    {
        await store.BulkInsertDocumentsAsync(batch);
        batch.Clear();
    }
}
await using (var analyse = store.Storage.Database.CreateConnection())
{
    await analyse.OpenAsync();
    // As autovacuum would in time: moves the bulk-inserted rows out of the GIN pending list (scanned linearly by every look-up).
    await new Npgsql.NpgsqlCommand("vacuum analyze", analyse).ExecuteNonQueryAsync();
}

var delta = await store.Storage.Database.CreateMigrationAsync();
Console.WriteLine($"Schema after applying it: {delta.Difference}");
if (args.Contains("--schema"))
{
    // What a restart does: apply the schema again, then check that the trigram index is still there.
    await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    await using var check = store.Storage.Database.CreateConnection();
    await check.OpenAsync();
    var kept = await new Npgsql.NpgsqlCommand("select count(*) from pg_indexes where indexname = 'mt_doc_feedbackitem_idx_rationale_trgm'", check).ExecuteScalarAsync();
    Console.WriteLine($"  trigram index after applying the schema again: {kept}");
}
if (args.Contains("--schema")) foreach (var delta1 in delta.Deltas.Where(d => d.Difference != Weasel.Core.SchemaPatchDifference.None)) Console.WriteLine($"  changes: {delta1.SchemaObject.Identifier} {delta1.Difference}");

// The bench measures the whole search, so it gets the longest budget the setting allows.
var options = Options.Create(new ReviewOptions { DuplicateSearchSeconds = 300 });
Console.WriteLine($"{count:N0} items, {expectedCopies:N0} of them copies of {campaigns.Length} campaign texts, threshold {options.Value.DuplicateThreshold}, " +
    (args.Contains("--utf8") ? "lc_ctype C.UTF-8" : "lc_ctype C"));
for (var run = 1; run <= (count <= 2_000 ? 3 : 1); run++)
{
    await using var session = store.QuerySession();
    var watch = Stopwatch.StartNew();
    var (groups, finished) = await new NearDuplicates(session, options).Groups(consultationId);
    watch.Stop();
    Console.WriteLine($"Indexed (%), run {run}: {watch.ElapsedMilliseconds:N0} ms{(finished ? "" : " (budget ran out)")}, {groups.Count} groups, {groups.Sum(g => g.Count):N0} items grouped, largest {groups.Select(g => g.Count).DefaultIfEmpty().Max()}");
}
if (pairwise)
{
    // What the grouping did before the index: similarity() of every pair of the consultation's items.
    await using var connection = store.Storage.Database.CreateConnection();
    await connection.OpenAsync();
    var sql = new StringBuilder("select count(*) from nq45.mt_doc_feedbackitem a join nq45.mt_doc_feedbackitem b on a.id < b.id ")
        .Append("where similarity(a.data -> 'content' ->> 'rationale', b.data -> 'content' ->> 'rationale') >= 0.6").ToString();
    var watch = Stopwatch.StartNew();
    var pairs = await new Npgsql.NpgsqlCommand(sql, connection) { CommandTimeout = 0 }.ExecuteScalarAsync();
    Console.WriteLine($"Every pair compared (before): {watch.ElapsedMilliseconds:N0} ms, {pairs:N0} pairs");
}

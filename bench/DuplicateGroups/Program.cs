// Near-duplicate grouping at scale: a consultation of N public items of varied wording, a twentieth of them
// copies of 25 campaign texts with small edits; times the start-up signing of items without signatures
// (LikenessSignatures.Backfill) and NearDuplicates.Groups (LSH candidates, trigram similarity, cached until a write).
// Usage (from the repository root):
//   dotnet run -c Release --project bench/DuplicateGroups -- [items=10000] [--exact] [--smoke]
// --exact also groups by comparing every pair in memory and reports what the LSH grouping missed (quadratic: ≤ 20,000 items).
// --smoke: 400 items with --exact; fails unless the LSH grouping found every group the exact comparison found (the test
// suite runs it; no time is judged).
using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Likeness;
using Nq45Consult.Consultation.Review;
using Nq45Consult.Consultation.Review.Dashboard;
using Nq45Consult.Consultation.Storage;
using Nq45Consult.TestSupport;

var smoke = args.Contains("--smoke");
var count = smoke ? 400 : args.Length > 0 && int.TryParse(args[0], out var n) ? n : 10_000;

var services = new ServiceCollection().AddLogging();
services.AddConsultation(TestCluster.CreateDatabase("dupbench") + ";Command Timeout=0", new StorageOptions { ApplySchemaOnStart = false, RunProjectionDaemon = false });
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IDocumentStore>();
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

var consultationId = Guid.CreateVersion7();
var random = new Random(45);
// Arguments are 20–40 words drawn at random from the words of the sample drafts (content/drafts), so they share
// the everyday vocabulary of real feedback: unrelated pairs have a trigram similarity around 0.17 (1 in 100 above
// 0.27, none seen above 0.38), and every common syllable's trigrams are in most items.
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
    await new Npgsql.NpgsqlCommand("vacuum analyze", analyse).ExecuteNonQueryAsync();
}
var options = Options.Create(new ReviewOptions());
Console.WriteLine($"{count:N0} items, {expectedCopies:N0} of them copies of {campaigns.Length} campaign texts, threshold {options.Value.DuplicateThreshold}, " +
    $"{TextLikeness.Bands} bands of {TextLikeness.Rows} rows");

// Bulk-inserted documents have no signatures: what the start-up does for items written before signatures existed.
var watch = Stopwatch.StartNew();
await LikenessSignatures.Backfill(store);
Console.WriteLine($"Signing at start (Backfill): {watch.ElapsedMilliseconds:N0} ms");

IReadOnlyList<DuplicateGroup> groups = [];
for (var run = 1; run <= 3; run++)
{
    // A new cache each run: the grouping itself is timed, not the cached answer.
    await using var session = store.QuerySession();
    watch.Restart();
    groups = await new NearDuplicates(session, options, new NearDuplicates.Cache()).Groups(consultationId);
    watch.Stop();
    Console.WriteLine($"Grouping, run {run}: {watch.ElapsedMilliseconds:N0} ms, {groups.Count} groups, {groups.Sum(g => g.Count):N0} items grouped, largest {groups.Select(g => g.Count).DefaultIfEmpty().Max()}");
}
{
    var cache = new NearDuplicates.Cache();
    await using var session = store.QuerySession();
    await new NearDuplicates(session, options, cache).Groups(consultationId);
    watch.Restart();
    await new NearDuplicates(session, options, cache).Groups(consultationId);
    Console.WriteLine($"Grouping again, nothing written since (cached): {watch.ElapsedMilliseconds:N0} ms");
}

{
    // Where a grouping's time goes: reading the signatures, candidates, reading their arguments, exact comparisons.
    await using var session = store.QuerySession();
    watch.Restart();
    await LikenessSignatures.Version(session, consultationId);
    var versioned = watch.ElapsedMilliseconds;
    watch.Restart();
    var items = await LikenessSignatures.Public(session, consultationId);
    var read = watch.ElapsedMilliseconds;
    watch.Restart();
    var candidates = DuplicateGrouping.Candidates([.. items.Select(i => i.Signature)], options.Value.DuplicateThreshold);
    var candidated = watch.ElapsedMilliseconds;
    watch.Restart();
    var texts = await LikenessSignatures.Arguments(session, [.. candidates.SelectMany(p => new[] { items[p.Item1].Id, items[p.Item2].Id }).Distinct()]);
    var argued = watch.ElapsedMilliseconds;
    watch.Restart();
    var trigrams = items.Select(i => texts.TryGetValue(i.Id, out var text) ? TextLikeness.Trigrams(text) : []).ToArray();
    var folded = watch.ElapsedMilliseconds;
    watch.Restart();
    var looks = 0L;
    DuplicateGrouping.Groups(items.Count, candidates, i =>
    {
        looks++;
        return trigrams[i];
    }, options.Value.DuplicateThreshold);
    var compared = watch.ElapsedMilliseconds;
    watch.Restart();
    foreach (var text in texts.Values) TextLikeness.Sign(text);
    Console.WriteLine($"Phases: version (count and sum of stamps) {versioned:N0} ms; reading {items.Count:N0} signatures {read:N0} ms; {candidates.Count:N0} candidate pairs {candidated:N0} ms; " +
        $"reading their {texts.Count:N0} arguments {argued:N0} ms; their trigrams {folded:N0} ms; {looks / 2:N0} exact comparisons {compared:N0} ms. " +
        $"Signing those {texts.Count:N0} arguments (what a write adds): {watch.ElapsedMilliseconds:N0} ms");
}

if (smoke || args.Contains("--exact"))
{
    // Every pair compared in memory: the groups a search without candidates finds, to check what LSH missed.
    await using var session = store.QuerySession();
    var items = await LikenessSignatures.Public(session, consultationId);
    var texts = await LikenessSignatures.Arguments(session, [.. items.Select(i => i.Id)]);
    var trigrams = items.Select(i => TextLikeness.Trigrams(texts[i.Id])).ToArray();
    var parent = Enumerable.Range(0, items.Count).ToArray();
    int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
    var (pairs, nearest) = (0L, 0.0);
    watch.Restart();
    for (var a = 0; a < items.Count; a++)
    {
        for (var b = a + 1; b < items.Count; b++)
        {
            var similarity = TextLikeness.Similarity(trigrams[a], trigrams[b]);
            if (similarity >= options.Value.DuplicateThreshold)
            {
                pairs++;
                parent[Root(b)] = Root(a);
            }
            else nearest = Math.Max(nearest, similarity);
        }
    }
    var exact = Enumerable.Range(0, items.Count).GroupBy(Root).Where(g => g.Count() > 1).Select(g => g.Select(i => items[i].Id).Order().ToList()).ToList();
    var found = groups.Select(g => g.ItemIds.Order().ToList()).ToList();
    var same = exact.Count(e => found.Any(f => f.SequenceEqual(e)));
    Console.WriteLine($"Every pair compared in memory: {watch.ElapsedMilliseconds:N0} ms, {pairs:N0} pairs at or above the threshold, highest below it {nearest:F2}; " +
        $"{exact.Count} groups, {exact.Sum(g => g.Count):N0} items; the LSH grouping found {same} of these groups exactly");
    if (smoke)
    {
        if (same != exact.Count || exact.Count == 0 || groups.Count != exact.Count)
        {
            Console.WriteLine($"FAILED: the LSH grouping found {groups.Count} groups, {same} of the {exact.Count} exact ones.");
            return 1;
        }
        Console.WriteLine("Smoke run: every check held.");
    }
}
return 0;

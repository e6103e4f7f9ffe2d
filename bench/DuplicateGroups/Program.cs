// Near-duplicate grouping at scale: a consultation of N public items of varied wording, a twentieth of them
// copies of 25 campaign texts with small edits; times NearDuplicates.Groups (trigram index + `%` per item).
// Usage: dotnet run -c Release --project bench/DuplicateGroups -- [items=10000] [pairwiseBaseline=false]
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
var pairwise = args.Length > 1 && bool.Parse(args[1]);

var services = new ServiceCollection().AddLogging();
services.AddConsultation(TestCluster.CreateDatabase("dupbench"), new StorageOptions { ApplySchemaOnStart = false, RunProjectionDaemon = false });
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IDocumentStore>();
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

var consultationId = Guid.CreateVersion7();
var random = new Random(45);
// Arguments are 20–40 words drawn from 4,000 Vietnamese-shaped syllables (onset, toned vowel, coda) with Zipf
// frequencies, as in prose: common words are shared by most items, so unrelated items have trigrams in common
// (the hard case for the index) yet stay well below the threshold.
string[] onsets = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"];
string[] vowels = ["aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị", "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự"];
string[] codas = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u"];
var vocabulary = Enumerable.Range(0, 4_000).Select(_ =>
{
    var vowel = vowels[random.Next(vowels.Length)];
    return onsets[random.Next(onsets.Length)] + vowel[random.Next(vowel.Length)] + codas[random.Next(codas.Length)];
}).ToArray();
var zipf = new double[vocabulary.Length];
for (var w = 0; w < zipf.Length; w++) zipf[w] = (w == 0 ? 0 : zipf[w - 1]) + 1.0 / (w + 1);
string Word()
{
    var at = Array.BinarySearch(zipf, random.NextDouble() * zipf[^1]);
    return vocabulary[at < 0 ? ~at : at];
}
string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word())) + ".";
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
    await new Npgsql.NpgsqlCommand("analyze", analyse).ExecuteNonQueryAsync();
}

var options = Options.Create(new ReviewOptions());
Console.WriteLine($"{count:N0} items, {expectedCopies:N0} of them copies of {campaigns.Length} campaign texts, threshold {options.Value.DuplicateThreshold}");
for (var run = 1; run <= 3; run++)
{
    await using var session = store.QuerySession();
    var watch = Stopwatch.StartNew();
    var groups = await new NearDuplicates(session, options).Groups(consultationId);
    watch.Stop();
    Console.WriteLine($"Indexed (%), run {run}: {watch.ElapsedMilliseconds:N0} ms, {groups.Count} groups, {groups.Sum(g => g.Count):N0} items grouped, largest {groups.Max(g => g.Count)}");
}
if (pairwise)
{
    // What the grouping did before the index: similarity() of every pair of the consultation's items.
    await using var connection = store.Storage.Database.CreateConnection();
    await connection.OpenAsync();
    var sql = new StringBuilder("select count(*) from mt_doc_feedbackitem a join mt_doc_feedbackitem b on a.id < b.id ")
        .Append("where similarity(a.data -> 'content' ->> 'rationale', b.data -> 'content' ->> 'rationale') >= 0.6").ToString();
    var watch = Stopwatch.StartNew();
    var pairs = await new Npgsql.NpgsqlCommand(sql, connection) { CommandTimeout = 0 }.ExecuteScalarAsync();
    Console.WriteLine($"Every pair compared (before): {watch.ElapsedMilliseconds:N0} ms, {pairs:N0} pairs");
}

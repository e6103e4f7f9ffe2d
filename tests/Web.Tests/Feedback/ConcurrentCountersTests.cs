using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Feedback.Counting;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>The counters must be exact with many writers at once (an inline multi-stream projection lost updates here: 32 of 200 items counted with 8 writers).</summary>
public class ConcurrentCountersTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private const int Writers = 8, Each = 25;
    private static readonly string[] Users = ["expert1", "expert2", "expert3"];

    [Fact]
    public async Task Eight_parallel_writers_of_25_submissions_each_are_counted_exactly_200()
    {
        var (consultation, _, _) = await Submitted();

        var summary = await Summary(consultation);
        var totals = summary.GetProperty("totals");
        Assert.Equal(Writers * Each, totals.GetProperty("feedback").GetInt32());
        Assert.Equal(3, totals.GetProperty("participants").GetInt32());
        Assert.Equal(Writers * 13, totals.GetProperty("byStance").GetProperty("agree").GetInt32());
        Assert.Equal(Writers * Each, summary.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("feedback").GetInt32()));
    }

    [Fact]
    public async Task Revisions_withdrawals_hiding_and_restoring_in_parallel_move_the_counters_exactly()
    {
        var (consultation, items, clients) = await Submitted();
        var moderator = await app.As("moderator");

        // Of each writer's items, by position i: i % 5 == 0 revised to disagree, 1 revised to add, 2 withdrawn by the
        // author, 3 hidden by the moderator, 4 hidden then restored; authors and moderator all at once.
        var authors = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < Each; i++)
            {
                var (id, anchor) = items[w][i];
                var response = (i % 5) switch
                {
                    0 => await clients[w].SendAsync(Revise(id, anchor, "disagree")),
                    1 => await clients[w].SendAsync(Revise(id, anchor, "add")),
                    2 => await clients[w].DeleteAsync($"/api/feedback/{id}"),
                    _ => null,
                };
                if (response is not null) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));
        var moderation = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 3; i < Each; i += 5)
            {
                Assert.Equal(HttpStatusCode.OK, (await Moderate(moderator, items[w][i].Id, "hide")).StatusCode);
                if (i + 1 < Each) Assert.Equal(HttpStatusCode.OK, (await Moderate(moderator, items[w][i + 1].Id, "hide")).StatusCode);
                if (i + 1 < Each) Assert.Equal(HttpStatusCode.OK, (await Moderate(moderator, items[w][i + 1].Id, "restore")).StatusCode);
            }
        }));
        await Task.WhenAll(authors.Concat(moderation));

        // Per writer: 25 items, positions 0..24; 5 of each residue; 2 (withdrawn) and 3 (hidden) leave the counts.
        var summary = await Summary(consultation);
        var totals = summary.GetProperty("totals");
        Assert.Equal(Writers * 15, totals.GetProperty("feedback").GetInt32());
        var byStance = totals.GetProperty("byStance");
        Assert.Equal(Writers * 5, byStance.GetProperty("disagree").GetInt32());
        Assert.Equal(Writers * 5, byStance.GetProperty("add").GetInt32());
        // Restored items (i % 5 == 4) keep their stance: agree when i is even (4, 14, 24), amend when odd (9, 19).
        Assert.Equal(Writers * 3, byStance.GetProperty("agree").GetInt32());
        Assert.Equal(Writers * 2, byStance.GetProperty("amend").GetInt32());

        // Per section and stance, the counters agree with the public items themselves.
        var list = await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}/feedback");
        var listed = list.EnumerateArray().GroupBy(i => (i.GetProperty("sectionAnchor").GetString(), i.GetProperty("stance").GetString()!))
            .ToDictionary(g => g.Key, g => g.Count());
        var counted = summary.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("byStance").EnumerateObject().Where(p => p.Value.GetInt32() > 0)
                .Select(p => (Key: (s.GetProperty("anchor").GetString(), p.Name), Count: p.Value.GetInt32())))
            .ToDictionary(x => x.Key, x => x.Count);
        Assert.Equal(listed.OrderBy(p => p.Key).ToList(), counted.OrderBy(p => p.Key).ToList());

        // And a recount from the item documents (what the start-up rebuild does) finds exactly what the deltas left.
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var kept = await Counted(store, consultation);
        await FeedbackCounters.Rebuild(store, force: true);
        Assert.Equal(kept, await Counted(store, consultation));
    }

    [Fact]
    public async Task Counters_of_a_database_written_before_they_existed_are_built_once_at_start()
    {
        var (consultation, _, _) = await Submitted();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var expected = await Counted(store, consultation);
        var schema = store.Options.DatabaseSchemaName;
        await using (var session = store.LightweightSession())
        {
            foreach (var table in new[] { FeedbackCounters.SectionsTable, FeedbackCounters.ParticipantsTable, FeedbackCounters.DaysTable, FeedbackCounters.RebuiltTable })
                session.QueueSqlCommand($"delete from {schema}.{table}");
            await session.SaveChangesAsync();
        }
        Assert.Equal(0, (await Summary(consultation)).GetProperty("totals").GetProperty("feedback").GetInt32());

        // What the app runs at start: builds the counters when they never were; a second run changes nothing.
        await FeedbackCounters.Rebuild(store);
        Assert.Equal(expected, await Counted(store, consultation));
        await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(null));
        await FeedbackCounters.Rebuild(store);
        Assert.Equal(Writers * Each + 1, (await Summary(consultation)).GetProperty("totals").GetProperty("feedback").GetInt32());
    }

    /// <summary>A consultation with 8 writers' 25 items each, submitted in parallel: even positions agree, odd ones amend.</summary>
    private async Task<(Guid Consultation, (Guid Id, string Anchor)[][] Items, HttpClient[] Clients)> Submitted()
    {
        var (consultation, sections) = await app.Consultation();
        var clients = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => app.As(Users[w % Users.Length])));
        var items = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async w =>
        {
            var created = new List<(Guid, string)>();
            for (var i = 0; i < Each; i++)
            {
                var anchor = sections[(w + i) % sections.Count].Anchor;
                var response = await clients[w].PostAsJsonAsync($"/api/consultations/{consultation}/feedback",
                    FeedbackFixture.Feedback(anchor, stance: i % 2 == 0 ? "agree" : "amend"));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                created.Add(((await response.Content.ReadFromJsonAsync<Created>())!.Id, anchor));
            }
            return created.ToArray();
        }));
        return (consultation, items, clients);
    }

    private static HttpRequestMessage Revise(Guid id, string anchor, string stance)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/feedback/{id}") { Content = JsonContent.Create(FeedbackFixture.Feedback(anchor, stance: stance)) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return request;
    }

    private static Task<HttpResponseMessage> Moderate(HttpClient moderator, Guid id, string action) =>
        moderator.PostAsJsonAsync($"/api/feedback/{id}/moderation", new { action, category = "spam", reason = "Kiểm tra bộ đếm." });

    private async Task<JsonElement> Summary(Guid consultation) =>
        await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}/summary");

    /// <summary>Everything the counters hold for the consultation, as comparable text.</summary>
    private static async Task<string> Counted(IDocumentStore store, Guid consultation)
    {
        await using var session = store.QuerySession();
        var counted = await FeedbackCounters.Read(session, consultation, anchorsOf: null);
        return JsonSerializer.Serialize(new
        {
            Groups = counted.Groups.OrderBy(g => g.Anchor).ThenBy(g => g.Stance),
            counted.Participants,
            ByField = counted.ByField.OrderBy(f => f.Key),
            counted.Days,
        });
    }
}

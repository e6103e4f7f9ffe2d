using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.OpinionMap;

public class OpinionMapApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private async Task<Guid> WithMap(string audience = "public", bool open = true, params string[] invited)
    {
        var (id, _) = await app.Consultation(audience, open, invited);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("moderator")).PostAsJsonAsync($"/api/consultations/{id}/opinion-map", new { })).StatusCode);
        return id;
    }

    private async Task<Guid> Seeded(Guid consultation, string text)
    {
        var response = await (await app.As("moderator")).PostAsJsonAsync($"/api/consultations/{consultation}/statements", new { text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task Vote(string expert, Guid statement, string vote) =>
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(expert)).PostAsJsonAsync($"/api/statements/{statement}/vote", new { vote })).StatusCode);

    [Fact]
    public async Task Two_camps_of_voters_make_two_anonymous_groups_with_a_consensus_and_divisive_statements()
    {
        var id = await WithMap();
        var statements = new List<Guid>();
        for (var i = 0; i < 4; i++) statements.Add(await Seeded(id, $"Nhận định {i}"));
        var shared = await Seeded(id, "Cần lộ trình cụ thể.");
        var experts = new List<string>();
        for (var i = 0; i < 8; i++) experts.Add(await app.Expert($"om{i}-{id:N}"[..20]));
        var association = (await (await app.As("moderator")).GetFromJsonAsync<JsonElement>("/api/associations")).EnumerateArray().First();
        for (var e = 0; e < experts.Count; e++)
        {
            var camp = e % 2 == 0;
            // One camp belongs to a member association, the other to none: the group profiles count them so.
            (await (await app.As(experts[e])).PutAsJsonAsync("/api/me/profile", new
            {
                fullName = $"Người {e}", academicTitle = "none", degree = "ts", fields = new[] { "y tế" },
                associationId = camp ? association.GetProperty("id").GetGuid() : (Guid?)null,
            })).EnsureSuccessStatusCode();
            for (var s = 0; s < statements.Count; s++) await Vote(experts[e], statements[s], (s % 2 == 0) == camp ? "agree" : "disagree");
            await Vote(experts[e], shared, "agree");
        }

        var moderator = await app.As("moderator");
        var recomputed = await moderator.PostAsync($"/api/consultations/{id}/opinion-map/recompute", null);
        Assert.Equal(HttpStatusCode.OK, recomputed.StatusCode);
        var json = await (await app.As(experts[0])).GetStringAsync($"/api/consultations/{id}/opinion-map");
        var map = JsonDocument.Parse(json).RootElement;
        Assert.Equal(8, map.GetProperty("participants").GetInt32());
        Assert.Equal([4, 4], map.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("size").GetInt32()));
        Assert.All(map.GetProperty("groups").EnumerateArray(), g => Assert.NotEmpty(g.GetProperty("representative").EnumerateArray()));
        Assert.Equal([shared], map.GetProperty("consensus").EnumerateArray().Select(s => s.GetGuid()));
        Assert.Equal(statements.Order(), map.GetProperty("divisive").EnumerateArray().Select(s => s.GetGuid()).Order());
        Assert.Single(map.GetProperty("points").EnumerateArray(), p => p.GetProperty("own").GetBoolean());
        Assert.All(experts, e => Assert.DoesNotContain(e, json, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("participantKey", json, StringComparison.OrdinalIgnoreCase);
        var csv = await (await app.As("official")).GetStringAsync($"/api/consultations/{id}/opinion-map.csv");
        var rows = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1 + 2 * 5, rows.Length);
        Assert.Contains(rows, r => r.Contains(shared.ToString()) && r.StartsWith("1,4,") && r.Contains(",4,0,4,"));
        Assert.All(experts, e => Assert.DoesNotContain(e, csv, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync($"/api/consultations/{id}/opinion-map.csv")).StatusCode);
        var profilesJson = await moderator.GetStringAsync($"/api/consultations/{id}/opinion-map/profiles");
        var profiles = JsonDocument.Parse(profilesJson).RootElement;
        Assert.Equal([4, 4], profiles.EnumerateArray().Select(g => g.GetProperty("byDegree").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32())));
        Assert.Equal(
            [$"{association.GetProperty("name").GetString()}:4", ":4"],
            profiles.EnumerateArray().Select(g => string.Join(",", g.GetProperty("byAssociation").EnumerateArray()
                .Select(c => $"{c.GetProperty("value").GetString()}:{c.GetProperty("count").GetInt32()}"))).OrderDescending());
        Assert.All(experts, e => Assert.DoesNotContain(e, profilesJson, StringComparison.OrdinalIgnoreCase));
        var anonymous = await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/opinion-map");
        Assert.DoesNotContain(anonymous.GetProperty("points").EnumerateArray(), p => p.GetProperty("own").GetBoolean());
    }

    [Fact]
    public async Task A_proposed_statement_waits_for_approval_and_a_hidden_one_takes_no_votes()
    {
        var id = await WithMap();
        var expert = await app.As("expert1");
        var proposed = await expert.PostAsJsonAsync($"/api/consultations/{id}/statements", new { text = "Nên thí điểm trước." });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var statement = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.DoesNotContain(await (await app.As("expert2")).GetFromJsonAsync<JsonElement[]>($"/api/consultations/{id}/statements") ?? [], s => s.GetProperty("id").GetGuid() == statement);
        Assert.Equal("pending", (await expert.GetFromJsonAsync<JsonElement[]>($"/api/consultations/{id}/statements"))!.Single().GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("expert2")).PostAsJsonAsync($"/api/statements/{statement}/vote", new { vote = "agree" })).StatusCode);

        var moderator = await app.As("moderator");
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/statements/{statement}/approve", null)).StatusCode);
        var next = await (await app.As("expert2")).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/statements/next");
        Assert.Equal(statement, next.GetProperty("id").GetGuid());
        await Vote("expert2", statement, "disagree");
        await Vote("expert2", statement, "agree");
        var listed = (await (await app.As("expert2")).GetFromJsonAsync<JsonElement[]>($"/api/consultations/{id}/statements"))!.Single();
        Assert.Equal((1, 0, "agree"), (listed.GetProperty("agree").GetInt32(), listed.GetProperty("disagree").GetInt32(), listed.GetProperty("mine").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await (await app.As("expert2")).GetAsync($"/api/consultations/{id}/statements/next")).StatusCode);

        var noReason = await moderator.PostAsJsonAsync($"/api/statements/{statement}/moderation", new { action = "hide" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/statements/{statement}/moderation", new { action = "hide", reason = "Trùng lặp" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("expert2")).PostAsJsonAsync($"/api/statements/{statement}/vote", new { vote = "pass" })).StatusCode);
        var hidden = (await moderator.GetFromJsonAsync<JsonElement[]>($"/api/consultations/{id}/statements"))!.Single();
        Assert.Equal(("hidden", "Trùng lặp"), (hidden.GetProperty("status").GetString(), hidden.GetProperty("moderationReason").GetString()));
    }

    [Fact]
    public async Task The_next_statement_is_the_one_with_the_fewest_votes_the_expert_has_not_voted_on()
    {
        var id = await WithMap();
        var busy = await Seeded(id, "Nhận định nhiều phiếu.");
        var quiet = await Seeded(id, "Nhận định ít phiếu.");
        await Vote("expert1", busy, "agree");
        await Vote("expert2", busy, "pass");
        await Vote("expert2", quiet, "agree");
        var forThird = await (await app.As(await app.Expert("om-next-3"))).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/statements/next");
        Assert.Equal(quiet, forThird.GetProperty("id").GetGuid());
        var forFirst = await (await app.As("expert1")).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/statements/next");
        Assert.Equal(quiet, forFirst.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, (await (await app.As("expert2")).GetAsync($"/api/consultations/{id}/statements/next")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_roles_and_visibility_are_checked()
    {
        var id = await WithMap();
        var expert = await app.As("expert1");
        var tooLong = await expert.PostAsJsonAsync($"/api/consultations/{id}/statements", new { text = new string('a', 281) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("application/problem+json", tooLong.Content.Headers.ContentType?.MediaType);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("text", out _));
        var statement = await Seeded(id, "Cần lộ trình cụ thể.");
        var badVote = await expert.PostAsJsonAsync($"/api/statements/{statement}/vote", new { vote = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, badVote.StatusCode);
        Assert.True((await badVote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("vote", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("moderator")).PostAsJsonAsync($"/api/statements/{statement}/vote", new { vote = "agree" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).PostAsJsonAsync($"/api/consultations/{id}/statements", new { text = "Rõ" })).StatusCode);

        var (draft, _) = await app.Consultation(open: false);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("moderator")).PostAsJsonAsync($"/api/consultations/{draft}/opinion-map", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(null)).GetAsync($"/api/consultations/{draft}/opinion-map")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.PostAsJsonAsync($"/api/consultations/{draft}/statements", new { text = "Rõ" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("moderator")).GetAsync($"/api/consultations/{draft}/opinion-map")).StatusCode);
        var (off, _) = await app.Consultation();
        Assert.Equal(HttpStatusCode.Conflict, (await expert.PostAsJsonAsync($"/api/consultations/{off}/statements", new { text = "Rõ" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/consultations/{off}/opinion-map")).StatusCode);
        var badAnchor = await (await app.As("moderator")).PostAsJsonAsync($"/api/consultations/{off}/opinion-map", new { sectionAnchor = "khong-co" });
        Assert.True((await badAnchor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sectionAnchor", out _));
    }

    [Fact]
    public async Task A_feedback_items_proposal_becomes_a_statement_linked_to_it()
    {
        var id = await WithMap();
        var feedback = await app.Submitted(id, null);
        var moderator = await app.As("moderator");
        var tooLong = await moderator.PostAsJsonAsync($"/api/feedback/{feedback}/statement", new { text = new string('a', 281) });
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).PostAsJsonAsync($"/api/feedback/{feedback}/statement", new { })).StatusCode);
        var drawn = await moderator.PostAsJsonAsync($"/api/feedback/{feedback}/statement", new { });
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        var listed = (await (await app.As(null)).GetFromJsonAsync<JsonElement[]>($"/api/consultations/{id}/statements"))!.Single();
        Assert.Equal(("feedback", feedback, "Sửa thành: …"), (listed.GetProperty("origin").GetString(), listed.GetProperty("feedbackId").GetGuid(), listed.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Watchers_of_the_consultation_hear_that_the_map_was_recomputed_after_a_vote()
    {
        var id = await WithMap();
        var statement = await Seeded(id, "Cần lộ trình cụ thể.");
        var heard = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/consultation"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.WebSocketFactory = async (context, cancellation) => await app.Server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellation);
            })
            .Build();
        connection.On<JsonElement>("opinionMapChanged", message => heard.TrySetResult(message));
        await connection.StartAsync();
        await connection.InvokeAsync("Watch", id);
        await Vote("expert1", statement, "agree");
        var message = await heard.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(id, message.GetProperty("consultationId").GetGuid());
        var map = await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/opinion-map");
        Assert.Equal(1, map.GetProperty("participants").GetInt32());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Feedback.Likeness;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Review;

public class NearDuplicatesApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private const string Campaign = "Đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên vùng sâu vùng xa";

    // Trigram similarity to the campaign 0.37 (pg_trgm's in a UTF-8 database; 0.51 under a C ctype, which skips letters
    // with diacritics): above pg_trgm's default threshold (0.3) and below Review:DuplicateThreshold (0.6).
    private const string LookAlike = "Đề nghị sửa quy định về thời gian nghỉ phép của bác sĩ tuyến huyện";

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<(Guid Id, List<Guid> Copies, Guid Other)> Consultation()
    {
        var (id, sections) = await app.Consultation();
        var anchor = sections[^1].Anchor;
        var copies = new List<Guid>();
        foreach (var (user, text) in new[] { ("expert1", Campaign), ("expert2", Campaign + "."), ("expert3", Campaign + " nhé!") })
        {
            var response = await (await app.As(user)).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(anchor, text));
            copies.Add((await response.Content.ReadFromJsonAsync<Created>())!.Id);
        }
        var other = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(anchor, LookAlike));
        await app.Close(id);
        return (id, copies, (await other.Content.ReadFromJsonAsync<Created>())!.Id);
    }

    [Fact]
    public async Task Copied_comments_form_one_group_answered_as_one()
    {
        var (id, copies, other) = await Consultation();
        var official = await app.As("official");
        var groups = await Json(await official.GetAsync($"/api/consultations/{id}/duplicates"));
        var group = Assert.Single(groups.EnumerateArray());
        Assert.Equal(3, group.GetProperty("count").GetInt32());
        Assert.Equal(copies.Order(), group.GetProperty("itemIds").EnumerateArray().Select(e => e.GetGuid()).Order());

        var answered = await official.PostAsJsonAsync($"/api/consultations/{id}/responses/group",
            new { itemIds = copies, decision = "not-accepted", explanation = "Quy định hiện hành đã bảo đảm." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(3, (await Json(answered)).GetProperty("items").GetInt32());
        var progress = await Json(await official.GetAsync($"/api/consultations/{id}/review"));
        Assert.Equal(1, progress.GetProperty("unanswered").GetInt32());
        var items = await Json(await official.GetAsync($"/api/consultations/{id}/feedback"));
        Assert.All(items.EnumerateArray().Where(i => i.GetProperty("id").GetGuid() != other),
            i => Assert.Equal("not-accepted", i.GetProperty("response").GetProperty("decision").GetString()));
    }

    private async Task<List<List<Guid>>> Groups(Guid consultation) =>
        [.. (await Json(await (await app.As("official")).GetAsync($"/api/consultations/{consultation}/duplicates"))).EnumerateArray()
            .Select(g => g.GetProperty("itemIds").EnumerateArray().Select(e => e.GetGuid()).Order().ToList())];

    private static List<Guid> Sorted(params Guid[] ids) => [.. ids.Order()];

    [Fact]
    public async Task Revising_hiding_withdrawing_and_restoring_change_the_groups()
    {
        var (id, sections) = await app.Consultation();
        var anchor = sections[^1].Anchor;
        var first = await app.Submitted(id, anchor, "expert1", Campaign);
        var second = await app.Submitted(id, anchor, "expert2", Campaign + ".");
        var third = await app.Submitted(id, anchor, "expert3", LookAlike);
        Assert.Equal([Sorted(first, second)], await Groups(id));

        // The look-alike is revised into a copy of the campaign: it joins the group.
        var revise = new HttpRequestMessage(HttpMethod.Put, $"/api/feedback/{third}") { Content = JsonContent.Create(FeedbackFixture.Feedback(anchor, Campaign + " nhé!")) };
        revise.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("expert3")).SendAsync(revise)).StatusCode);
        Assert.Equal([Sorted(first, second, third)], await Groups(id));

        var moderator = await app.As("moderator");
        Task<HttpResponseMessage> Moderate(Guid item, string action) =>
            moderator.PostAsJsonAsync($"/api/feedback/{item}/moderation", new { action, category = "duplicate", reason = "Chiến dịch sao chép." });
        Assert.Equal(HttpStatusCode.OK, (await Moderate(second, "hide")).StatusCode);
        Assert.Equal([Sorted(first, third)], await Groups(id));
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("expert1")).DeleteAsync($"/api/feedback/{first}")).StatusCode);
        Assert.Empty(await Groups(id));
        Assert.Equal(HttpStatusCode.OK, (await Moderate(second, "restore")).StatusCode);
        Assert.Equal([Sorted(second, third)], await Groups(id));
    }

    [Fact]
    public async Task Items_written_before_signatures_existed_are_signed_at_start()
    {
        var (id, copies, _) = await Consultation();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.QueueSqlCommand($"delete from {store.Options.DatabaseSchemaName}.{LikenessSignatures.Table} where feedback_id = any(?)", copies.ToArray());
            await session.SaveChangesAsync();
        }
        Assert.Empty(await Groups(id));

        // What the app runs at start: signs the items that have no signature; a second run changes nothing.
        await LikenessSignatures.Backfill(store);
        await LikenessSignatures.Backfill(store);
        Assert.Equal([Sorted([.. copies])], await Groups(id));
    }

    [Fact]
    public async Task A_group_answer_with_a_bad_item_changes_nothing()
    {
        var (id, copies, _) = await Consultation();
        var official = await app.As("official");
        var withStranger = await official.PostAsJsonAsync($"/api/consultations/{id}/responses/group",
            new { itemIds = copies.Append(Guid.NewGuid()), decision = "noted", explanation = "" });
        Assert.Equal(HttpStatusCode.BadRequest, withStranger.StatusCode);
        Assert.True((await Json(withStranger)).GetProperty("errors").TryGetProperty("itemIds", out _));
        var unexplained = await official.PostAsJsonAsync($"/api/consultations/{id}/responses/group", new { itemIds = copies, decision = "partially-accepted" });
        Assert.True((await Json(unexplained)).GetProperty("errors").TryGetProperty("explanation", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("moderator")).PostAsJsonAsync($"/api/consultations/{id}/responses/group",
            new { itemIds = copies, decision = "noted" })).StatusCode);
        Assert.Equal(4, (await Json(await official.GetAsync($"/api/consultations/{id}/review"))).GetProperty("unanswered").GetInt32());
    }
}

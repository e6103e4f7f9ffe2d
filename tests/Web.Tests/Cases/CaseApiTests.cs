using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Registering;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Cases;

/// <summary>A whole case over HTTP: api-v1.md's two routes and the Union's, the council's and the agency's (docs/critique.md).</summary>
public class CaseApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    /// <summary>An official of no agency: another agency's official sees none of this one's cases.</summary>
    private const string Stranger = "can.bo.khac";

    private async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> Case(string? who, Guid id) => await Json(await (await app.As(who)).GetAsync($"/api/cases/{id}"));

    private static DateTimeOffset? Step(JsonElement c, string step) =>
        c.GetProperty("timeline").EnumerateArray().Single(s => s.GetProperty("step").GetString() == step).GetProperty("at") is { ValueKind: JsonValueKind.String } at
            ? at.GetDateTimeOffset() : null;

    private async Task Account(string userName, Role role)
    {
        bool exists;
        await using (var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession())
            exists = await AccountLookup.ExistsAsync(session, userName, CancellationToken.None);
        if (!exists)
            await app.Services.GetRequiredService<RegisterAccountHandler>()
                .Handle(new RegisterAccount(userName, $"Người {userName}", [role], ConsultationApp.DemoPassword, "tests"), CancellationToken.None);
    }

    /// <summary>An expert with an account and a profile in the registry.</summary>
    private async Task<Guid> RegisteredExpert(string userName)
    {
        await app.Expert(userName);
        var expert = await app.As(userName);
        (await expert.PutAsJsonAsync("/api/me/profile", new { fullName = $"Chuyên gia {userName}", academicTitle = "none", degree = "ts", fields = new[] { "y tế" } })).EnsureSuccessStatusCode();
        return (await Json(await expert.GetAsync("/api/me/profile"))).GetProperty("id").GetGuid();
    }

    private async Task<Guid> ProfileOf(string userName, Guid caseId)
    {
        var candidates = await Json(await (await app.As("moderator")).GetAsync($"/api/cases/{caseId}/candidates?q={userName}"));
        return candidates.EnumerateArray().Single(c => c.GetProperty("userName").GetString() == userName).GetProperty("profileId").GetGuid();
    }

    private async Task<Guid> Appointed(Guid caseId, Guid profileId, string role)
    {
        var response = await (await app.As("moderator")).PostAsJsonAsync($"/api/cases/{caseId}/council", new { profileId, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetGuid();
    }

    private async Task<IReadOnlyList<string>> NotificationKinds(string userName) =>
        [.. (await Json(await (await app.As(userName)).GetAsync("/api/me/notifications"))).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()!)];

    [Fact]
    public async Task A_critique_goes_from_the_agencys_request_to_its_public_answer_and_only_those_involved_see_it_before()
    {
        await Account(Stranger, Role.Official);
        var fourth = await RegisteredExpert("hoidong4");
        var fifth = await RegisteredExpert("hoidong5");
        var (consultation, _) = await app.Consultation();
        var official = await app.As("official");
        var moderator = await app.As("moderator");

        var bad = await official.PostAsJsonAsync("/api/cases", new { kind = "review", subject = " ", dueAt = DateTimeOffset.UtcNow.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["dueAt", "kind", "subject"], (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).PostAsJsonAsync("/api/cases", new { kind = "critique" })).StatusCode);
        Assert.Empty(await (await app.As(null)).GetFromJsonAsync<JsonElement[]>("/api/cases") ?? []);

        var created = await official.PostAsJsonAsync("/api/cases", new { kind = "critique", subject = "Phản biện kế hoạch thử", consultationId = consultation, dueAt = DateTimeOffset.UtcNow.AddDays(60) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();
        var requested = await Case("official", id);
        Assert.Equal(("requested", true), (requested.GetProperty("status").GetString(), requested.GetProperty("publishAnswer").GetBoolean()));
        Assert.Equal(["requested", "accepted", "council-formed", "consultation-open", "reviews-submitted", "council-meeting", "report-sent", "answer-received"],
            requested.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.NotNull(Step(requested, "requested"));
        Assert.NotNull(Step(requested, "consultation-open"));
        Assert.Null(Step(requested, "accepted"));
        foreach (var outsider in new string?[] { null, "expert1", Stranger })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(outsider)).GetAsync($"/api/cases/{id}")).StatusCode);
            Assert.DoesNotContain("Phản biện kế hoạch thử", await (await app.As(outsider)).GetStringAsync("/api/cases"));
        }
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("admin")).GetAsync($"/api/cases/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsync($"/api/cases/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/cases/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/cases/{id}/accept", null)).StatusCode);

        // expert1 declared an interest in the consultation: shown when picking, recorded with the appointment.
        (await (await app.As("expert1")).PutAsJsonAsync($"/api/consultations/{consultation}/interests/mine", new { hasInterests = true, statement = "Tư vấn cho Sở KH&CN" })).EnsureSuccessStatusCode();
        var picked = (await Json(await moderator.GetAsync($"/api/cases/{id}/candidates?q=expert1"))).EnumerateArray().ToList();
        Assert.Contains(picked, c => c.GetProperty("declaration") is { ValueKind: JsonValueKind.Object } d && d.GetProperty("statement").GetString() == "Tư vấn cho Sở KH&CN");
        var chair = await Appointed(id, await ProfileOf("expert1", id), "chair");
        var secretary = await Appointed(id, await ProfileOf("expert2", id), "secretary");
        var reviewer = await Appointed(id, await ProfileOf("expert3", id), "first-reviewer");
        var second = await Appointed(id, fourth, "second-reviewer");
        var taken = await moderator.PostAsJsonAsync($"/api/cases/{id}/council", new { profileId = fifth, role = "chair" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.PostAsJsonAsync($"/api/cases/{id}/council", new { profileId = fifth, role = "guest" })).StatusCode);
        Assert.Contains("case-council-invitation", await NotificationKinds("expert1"));
        var seated = await Case("expert1", id);
        var chairSeat = seated.GetProperty("council").EnumerateArray().Single(s => s.GetProperty("memberId").GetGuid() == chair);
        Assert.Equal("Tư vấn cho Sở KH&CN", chairSeat.GetProperty("interests").GetProperty("statement").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert2")).PostAsync($"/api/cases/{id}/council/{chair}/accept", null)).StatusCode);
        foreach (var (who, seat) in new[] { ("expert1", chair), ("expert2", secretary), ("hoidong4", second) })
            Assert.Equal(HttpStatusCode.OK, (await (await app.As(who)).PostAsync($"/api/cases/{id}/council/{seat}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("expert3")).PostAsJsonAsync($"/api/cases/{id}/council/{reviewer}/decline", new { reason = "Đang công tác xa" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("expert3")).GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Null(Step(await Case("official", id), "council-formed"));
        var replacement = await Appointed(id, fifth, "first-reviewer");
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("hoidong5")).PostAsync($"/api/cases/{id}/council/{replacement}/accept", null)).StatusCode);
        var formed = await Case("official", id);
        Assert.NotNull(Step(formed, "council-formed"));
        Assert.Equal(5, formed.GetProperty("council").GetArrayLength());

        var sessionId = (await Json(await moderator.PostAsJsonAsync($"/api/consultations/{consultation}/sessions", new { title = "Họp hội đồng", startsAt = DateTimeOffset.UtcNow.AddDays(3) }))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.PostAsJsonAsync($"/api/cases/{id}/session", new { sessionId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/cases/{id}/session", new { sessionId })).StatusCode);
        Assert.NotNull(Step(await Case("official", id), "council-meeting"));

        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/cases/{id}/report", null)).StatusCode);
        (await moderator.PutAsJsonAsync($"/api/consultations/{consultation}/critique", new
        {
            strengths = new[] { new { text = "Mục tiêu phù hợp.", itemIds = Array.Empty<Guid>() } },
            shortcomings = new[] { new { text = "Thiếu nguồn lực.", itemIds = Array.Empty<Guid>() } },
            recommendations = new[]
            {
                new { addressee = "Ban Tuyên giáo Tỉnh ủy", text = "Bổ sung lộ trình.", itemIds = Array.Empty<Guid>() },
                new { addressee = "UBND tỉnh", text = "Bổ sung kinh phí.", itemIds = Array.Empty<Guid>() },
            },
        })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/cases/{id}/report", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/cases/{id}/report", null)).StatusCode);
        Assert.Contains("case-report-sent", await NotificationKinds("official"));
        await using (var query = app.Services.GetRequiredService<IDocumentStore>().QuerySession())
            Assert.True(await query.Query<EmailOutboxEntry>().AnyAsync(e => e.Recipient == "OFFICIAL" && e.Kind == NotificationKind.CaseReportSent));

        var answers = new[]
        {
            new { recommendation = 0, verdict = "accepted", explanation = "Sẽ bổ sung lộ trình." },
            new { recommendation = 1, verdict = "partly", explanation = "Bổ sung một phần kinh phí." },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).PostAsJsonAsync($"/api/cases/{id}/answer", new { answers })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(Stranger)).PostAsJsonAsync($"/api/cases/{id}/answer", new { answers })).StatusCode);
        var half = await official.PostAsJsonAsync($"/api/cases/{id}/answer", new { answers = answers[..1] });
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.Contains("answers", (await half.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/cases/{id}/answer", new { answers })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await official.PostAsJsonAsync($"/api/cases/{id}/answer", new { answers })).StatusCode);

        // A critique's answer is public: anyone reads the case now, without the council and its declarations.
        var published = await Case(null, id);
        Assert.NotNull(Step(published, "answer-received"));
        Assert.Equal(["accepted", "partly"], published.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("verdict").GetString()));
        Assert.Equal(0, published.GetProperty("council").GetArrayLength());
        Assert.DoesNotContain("Tư vấn cho Sở KH&CN", await (await app.As(null)).GetStringAsync($"/api/cases/{id}"));
    }

    [Fact]
    public async Task A_moderator_records_a_paper_request_naming_the_agency_and_declining_it_tells_the_agency()
    {
        var moderator = await app.As("moderator");
        var agencies = await Json(await moderator.GetAsync("/api/agencies"));
        var agency = agencies.EnumerateArray().First(a => a.GetProperty("name").GetString() == "Ban Tuyên giáo Tỉnh ủy").GetProperty("id").GetGuid();
        var body = new { kind = "assessment", subject = "Giám định chính sách thử", dueAt = DateTimeOffset.UtcNow.AddDays(20) };
        var unnamed = await moderator.PostAsJsonAsync("/api/cases", body);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal(["agencyId"], (await unnamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var id = (await Json(await moderator.PostAsJsonAsync("/api/cases", new { body.kind, body.subject, body.dueAt, agencyId = agency }))).GetProperty("id").GetGuid();
        var requested = await Case("official", id);
        Assert.Equal(("Ban Tuyên giáo Tỉnh ủy", false), (requested.GetProperty("agency").GetProperty("name").GetString(), requested.GetProperty("publishAnswer").GetBoolean()));
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.PostAsJsonAsync($"/api/cases/{id}/decline", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/cases/{id}/decline", new { reason = "Ngoài phạm vi giám định." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/cases/{id}/accept", null)).StatusCode);
        Assert.Contains("case-declined", await NotificationKinds("official"));
        var declined = await Case("official", id);
        Assert.Equal(("declined", "Ngoài phạm vi giám định."), (declined.GetProperty("status").GetString(), declined.GetProperty("declineReason").GetString()));
        Assert.Equal(["requested", "declined"], declined.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
    }
}

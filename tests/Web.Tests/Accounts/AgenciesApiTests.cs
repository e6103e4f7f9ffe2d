using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Accounts.Registering;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>
/// Agencies over HTTP: admins keep the list and the officials' membership; a consultation names its drafting agency,
/// and then only that agency's officials respond to its feedback and publish the responses (others: 403, still reading).
/// </summary>
public class AgenciesApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static async Task<JsonNode> Json(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonNode>())!;

    private async Task<Guid> NewAgency(string name)
    {
        var created = await (await app.As("admin")).PostAsJsonAsync("/api/agencies", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (Guid)(await Json(created))["id"]!;
    }

    /// <summary>A new official account (demo password), member of <paramref name="agency"/>.</summary>
    private async Task<string> Official(string userName, Guid agency)
    {
        await app.Services.GetRequiredService<RegisterAccountHandler>()
            .Handle(new RegisterAccount(userName, $"Cán bộ {userName}", [Role.Official], FeedbackFixture.DemoPassword, "tests"), CancellationToken.None);
        var assigned = await (await app.As("admin")).PostAsJsonAsync($"/api/users/{userName}/agency", new { agencyId = agency });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(agency, (Guid)(await Json(assigned))["user"]!["agencyId"]!);
        return userName;
    }

    private static object Details(Guid? draftingAgencyId = null, string title = "Dự thảo của một cơ quan") => new
    {
        title, summary = "Tóm tắt", draftingAgency = "", fields = new[] { "y tế" }, audience = "public",
        opensAt = DateTimeOffset.UtcNow.AddDays(-1), closesAt = DateTimeOffset.UtcNow.AddDays(30), draftingAgencyId,
    };

    [Fact]
    public async Task The_demo_official_belongs_to_the_plans_drafting_agency_which_the_sample_plan_names()
    {
        var agencies = await Json(await (await app.As("official")).GetAsync("/api/agencies"));
        var demo = agencies.AsArray().Single(a => (string?)a!["name"] == DemoAgencies.AgencyName)!;
        Assert.False((bool)demo["retired"]!);
        var user = await Json(await (await app.As("admin")).GetAsync("/api/users/official"));
        Assert.Equal((Guid)demo["id"]!, (Guid)user["agencyId"]!);

        var plan = await Json(await (await app.As(null)).GetAsync("/api/consultations/ke-hoach-45-nq-tw"));
        Assert.Equal((Guid)demo["id"]!, (Guid)plan["draftingAgencyId"]!);
        var page = await (await app.As(null)).GetStringAsync("/consultations/ke-hoach-45-nq-tw");
        Assert.Contains($"data-agency=\"{demo["id"]}\">{DemoAgencies.AgencyName}</dd>", page);
    }

    [Fact]
    public async Task Admins_add_rename_and_retire_agencies_which_stay_listed_and_others_may_not()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).GetAsync("/api/agencies")).StatusCode);
        foreach (var user in new[] { "moderator", "official", "expert1" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(user)).PostAsJsonAsync("/api/agencies", new { name = $"Sở của {user}" })).StatusCode);

        var id = await NewAgency("Sở Nội vụ thử");
        var admin = await app.As("admin");
        var taken = await admin.PostAsJsonAsync("/api/agencies", new { name = "SO NOI VU THU" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.NotNull((await Json(taken))["errors"]!["name"]);
        Assert.NotNull((await Json(await admin.PostAsJsonAsync("/api/agencies", new { name = " " })))["errors"]!["name"]);

        var renamed = await admin.PutAsJsonAsync($"/api/agencies/{id}", new { name = "Sở Nội vụ tỉnh thử" });
        Assert.Equal("Sở Nội vụ tỉnh thử", (string?)(await Json(renamed))["name"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/agencies/{id}/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/agencies/{Guid.NewGuid()}/retire", null)).StatusCode);

        var listed = (await Json(await (await app.As("expert1")).GetAsync("/api/agencies"))).AsArray().Single(a => (Guid)a!["id"]! == id)!;
        Assert.Equal(("Sở Nội vụ tỉnh thử", true), ((string?)listed["name"], (bool)listed["retired"]!));
        // Retired: no new members, no new consultations naming it.
        Assert.NotNull((await Json(await admin.PostAsJsonAsync("/api/users/official/agency", new { agencyId = id })))["errors"]!["agencyId"]);
        var refused = await (await app.As("moderator")).PostAsJsonAsync("/api/consultations", Details(id));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await Json(refused))["errors"]!["draftingAgencyId"]);
    }

    [Fact]
    public async Task Membership_is_for_known_agencies_and_officials_and_is_in_the_accounts_history()
    {
        var id = await NewAgency("Sở Tài chính thử");
        var admin = await app.As("admin");
        var unknown = await admin.PostAsJsonAsync("/api/users/official/agency", new { agencyId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.NotNull((await Json(unknown))["errors"]!["agencyId"]);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/users/expert1/agency", new { agencyId = id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/users/nobody-here/agency", new { agencyId = id })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("moderator")).PostAsJsonAsync("/api/users/official/agency", new { agencyId = id })).StatusCode);

        await Official("ct-tai-chinh", id);
        var history = await Json(await admin.GetAsync("/api/users/ct-tai-chinh/history"));
        var entry = history.AsArray().Single(e => (string?)e!["action"] == "agency-assigned")!;
        Assert.Equal(("Sở Tài chính thử", "admin"), ((string?)entry["agency"], (string?)entry["by"]));
        var left = await admin.PostAsJsonAsync("/api/users/ct-tai-chinh/agency", new { agencyId = (Guid?)null });
        Assert.Null((await Json(left))["user"]!["agencyId"]);
    }

    [Fact]
    public async Task Only_officials_of_the_named_agency_respond_and_publish_others_get_403_and_still_read()
    {
        var (ours, theirs) = (await NewAgency("Sở Y tế thử"), await NewAgency("Sở Xây dựng thử"));
        var (member, outsider) = (await Official("ct-y-te", ours), await Official("ct-xay-dung", theirs));
        var moderator = await app.As("moderator");
        var created = await moderator.PostAsJsonAsync("/api/consultations", Details(ours));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var consultation = await Json(created);
        var id = (Guid)consultation["id"]!;
        Assert.Equal((ours, "Sở Y tế thử"), ((Guid)consultation["draftingAgencyId"]!, (string?)consultation["draftingAgency"]));
        // An edit that leaves the agency out (a caller older than agencies) keeps it.
        var edited = await moderator.PutAsJsonAsync($"/api/consultations/{id}", new
        {
            title = "Dự thảo của một cơ quan (sửa)", summary = "", draftingAgency = "Sở Y tế", fields = new[] { "y tế" }, audience = "public",
            opensAt = DateTimeOffset.UtcNow.AddDays(-1), closesAt = DateTimeOffset.UtcNow.AddDays(30),
        });
        Assert.Equal(ours, (Guid)(await Json(edited))["draftingAgencyId"]!);
        Assert.Equal(HttpStatusCode.Created, (await moderator.PostAsJsonAsync($"/api/consultations/{id}/versions", new { markdown = FeedbackFixture.Markdown })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/consultations/{id}/open", null)).StatusCode);
        var item = await app.Submitted(id, null);
        await app.Close(id);

        foreach (var other in new[] { outsider, "official" })
        {
            var client = await app.As(other);
            var respond = await client.PostAsJsonAsync($"/api/feedback/{item}/response", new { decision = "noted" });
            Assert.Equal(HttpStatusCode.Forbidden, respond.StatusCode);
            Assert.Equal("application/problem+json", respond.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/consultations/{id}/responses/publish", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/consultations/{id}/review/items")).StatusCode);
        }
        // The review page says so to the outsider and offers them no answer or publish form; the member gets both.
        var slug = (string)consultation["slug"]!;
        var refusedPage = await (await app.As(outsider)).GetStringAsync($"/review/{slug}");
        Assert.Contains("id=\"not-your-agency\"", refusedPage);
        Assert.DoesNotContain("handler=Publish", refusedPage);
        Assert.DoesNotContain("handler=Respond", refusedPage);
        var memberPage = await (await app.As(member)).GetStringAsync($"/review/{slug}");
        Assert.DoesNotContain("not-your-agency", memberPage);
        Assert.Contains("handler=Publish", memberPage);
        Assert.Contains("handler=Respond", memberPage);

        var answered = await (await app.As(member)).PostAsJsonAsync($"/api/feedback/{item}/response", new { decision = "noted" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(member, (string?)(await Json(await (await app.As(outsider)).GetAsync($"/api/feedback/{item}/history")))
            .AsArray().Last()!["actor"]);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(member)).PostAsync($"/api/consultations/{id}/responses/publish", null)).StatusCode);
    }

    [Fact]
    public async Task A_consultation_naming_no_agency_keeps_todays_rule_any_official()
    {
        var created = await (await app.As("moderator")).PostAsJsonAsync("/api/consultations", Details());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Null((await Json(created))["draftingAgencyId"]);
        var unknown = await (await app.As("moderator")).PostAsJsonAsync("/api/consultations", Details(Guid.NewGuid()));
        Assert.NotNull((await Json(unknown))["errors"]!["draftingAgencyId"]);

        var outsider = await Official("ct-bat-ky", await NewAgency("Sở Công Thương thử"));
        var (id, sections) = await app.Consultation();
        var item = await app.Submitted(id, sections[0].Anchor);
        await app.Close(id);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(outsider)).PostAsJsonAsync($"/api/feedback/{item}/response", new { decision = "noted" })).StatusCode);
    }
}

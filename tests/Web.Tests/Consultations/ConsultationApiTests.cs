using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nq45Consult.Web.Tests.Consultations;

public class ConsultationApiTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    private static object Body(string? title = "Quy định mới", string? opens = null, string? closes = null, string[]? fields = null, string type = "policy") => new
    {
        title, summary = "Tóm tắt", draftingAgency = "Sở KH&CN", fields = fields ?? ["y tế", "khác"], audience = "invited", documentType = type,
        opensAt = opens ?? "2030-01-01T08:00:00+07:00", closesAt = closes ?? "2030-02-15T08:00:00+07:00",
    };

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task Anonymous_write_is_401_expert_is_403_moderator_creates_201()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/consultations", Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Expert().PostAsJsonAsync("/api/consultations", Body())).StatusCode);

        var created = await app.Moderator().PostAsJsonAsync("/api/consultations", Body());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await Json(created);
        Assert.Equal($"/api/consultations/{json["id"]}", created.Headers.Location!.OriginalString);
        Assert.Equal("draft", (string?)json["status"]);
        Assert.Equal("invited", (string?)json["audience"]);
        Assert.StartsWith("quy-dinh-moi", (string?)json["slug"]);
        Assert.Empty(json["warnings"]!.AsArray());
    }

    [Theory]
    [InlineData(null, null, null, "title")]
    [InlineData("Tiêu đề", "2030-03-01T00:00:00Z", "2030-02-01T00:00:00Z", "closesAt")]
    [InlineData("Tiêu đề", null, null, "fields", "thiên văn")]
    public async Task Bad_input_is_400_naming_the_field(string? title, string? opens, string? closes, string field, string? badField = null)
    {
        var response = await app.Moderator().PostAsJsonAsync("/api/consultations", Body(title, opens, closes, badField is null ? null : [badField]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await Json(response))["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task A_short_window_gives_a_warning()
    {
        var response = await app.Moderator().PostAsJsonAsync("/api/consultations", Body(closes: "2030-01-05T08:00:00+07:00", type: "legal-document"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single((await Json(response))["warnings"]!.AsArray());
    }

    [Fact]
    public async Task Versions_lifecycle_and_diff()
    {
        var id = await app.NewConsultation("Vòng đời", publish: false);
        var moderator = app.Moderator();

        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/consultations/{id}/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.PostAsJsonAsync($"/api/consultations/{id}/versions", new { markdown = "  " })).StatusCode);

        var first = await moderator.PostAsJsonAsync($"/api/consultations/{id}/versions", new { markdown = Samples.Legal });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var v1 = await Json(first);
        Assert.Equal(1, (int)v1["version"]!);
        Assert.Contains(v1["sections"]!.AsArray(), s => (string?)s!["anchor"] == "dieu-1");

        var edited = Samples.Legal.Replace("không vì lợi nhuận", "công khai và không vì lợi nhuận");
        var noNote = await moderator.PostAsJsonAsync($"/api/consultations/{id}/versions", new { markdown = edited });
        Assert.True((await Json(noNote))["errors"]!.AsObject().ContainsKey("changeNote"));
        Assert.Equal(HttpStatusCode.Created, (await moderator.PostAsJsonAsync($"/api/consultations/{id}/versions", new { markdown = edited, changeNote = "Bổ sung nguyên tắc" })).StatusCode);

        var diff = await Json(await moderator.GetAsync($"/api/consultations/{id}/versions/1/diff/2"));
        var kinds = diff["sections"]!.AsArray().Select(s => (string?)s!["kind"]).ToList();
        Assert.Contains("changed", kinds);
        Assert.Contains("unchanged", kinds);
        var changed = diff["sections"]!.AsArray().First(s => (string?)s!["kind"] == "changed")!;
        Assert.Contains(changed["words"]!.AsArray(), w => (string?)w!["kind"] == "inserted");

        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/consultations/{id}/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/consultations/{id}/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/consultations/{id}/close", null)).StatusCode);
        var conflict = await moderator.PostAsync($"/api/consultations/{id}/close", null);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)(await Json(conflict))["detail"]));

        var history = JsonNode.Parse(await moderator.GetStringAsync($"/api/consultations/{id}/history"))!.AsArray();
        Assert.Equal(["consultation-created", "draft-version-published", "draft-version-published", "consultation-opened", "consultation-closed"],
            history.Select(h => (string?)h!["event"]));
        Assert.All(history, h => Assert.Equal("moderator", (string?)h!["actor"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Expert().GetAsync($"/api/consultations/{id}/history")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_see_only_published_consultations()
    {
        var draft = await app.NewConsultation("Chưa công bố");
        var open = await app.NewConsultation("Đã công bố", open: true);

        var list = JsonNode.Parse(await app.Anonymous().GetStringAsync("/api/consultations?status=all"))!.AsArray();
        Assert.DoesNotContain(list, c => (Guid)c!["id"]! == draft);
        Assert.Contains(list, c => (Guid)c!["id"]! == open && (string?)c["status"] == "open");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/consultations/{draft}")).StatusCode);
        Assert.Contains(JsonNode.Parse(await app.Moderator().GetStringAsync("/api/consultations?status=draft"))!.AsArray(), c => (Guid)c!["id"]! == draft);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous().GetAsync("/api/consultations?status=sideways")).StatusCode);

        var bySlug = await Json(await app.Anonymous().GetAsync("/api/consultations/da-cong-bo"));
        Assert.Equal(open, (Guid)bySlug["id"]!);
        Assert.NotEmpty(bySlug["sections"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync($"/api/consultations/{open}/versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/consultations/{open}/versions/9")).StatusCode);
    }

    [Fact]
    public async Task A_10_MB_body_is_413_not_500()
    {
        var id = await app.NewConsultation("Quá lớn", publish: false);
        var huge = new string('a', 10 * 1024 * 1024);
        var response = await app.Moderator().PostAsJsonAsync($"/api/consultations/{id}/versions", new { markdown = huge });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Moderator().GetAsync($"/api/consultations/{id}")).StatusCode);
        Assert.Equal(0, (int)(await Json(await app.Moderator().GetAsync($"/api/consultations/{id}")))["currentVersion"]!);
    }

    [Fact]
    public async Task Scripts_and_javascript_links_are_not_rendered()
    {
        var markdown = "## I. Mục\n\n<script>alert(1)</script> [bấm](javascript:alert(1)) <img src=x onerror=alert(1)>\n";
        var preview = await app.Moderator().PostAsJsonAsync("/api/drafts/preview", new { markdown });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = string.Join("", (await Json(preview))["sections"]!.AsArray().Select(s => (string?)s!["html"]));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Invitations_record_user_names_and_refuse_unknown_fields()
    {
        var id = await app.NewConsultation("Mời chuyên gia");
        var moderator = app.Moderator();
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/consultations/{id}/invitations", new { userNames = new[] { "expert1", "expert2" } })).StatusCode);
        var fields = await moderator.PostAsJsonAsync($"/api/consultations/{id}/invitations", new { fields = new[] { "thiên văn" } });
        Assert.Equal(HttpStatusCode.BadRequest, fields.StatusCode);
        Assert.True((await Json(fields))["errors"]!.AsObject().ContainsKey("fields"));
    }

    [Fact]
    public async Task Inviting_user_names_without_an_account_is_400_naming_them()
    {
        var id = await app.NewConsultation("Mời người lạ");
        var response = await app.Moderator().PostAsJsonAsync($"/api/consultations/{id}/invitations", new { userNames = new[] { "expert1", "ghost", "no.body" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var message = (string?)(await Json(response))["errors"]!["userNames"]![0];
        Assert.Contains("ghost", message);
        Assert.Contains("no.body", message);
        Assert.DoesNotContain("expert1", message);
        var history = JsonNode.Parse(await app.Moderator().GetStringAsync($"/api/consultations/{id}/history"))!.AsArray();
        Assert.DoesNotContain(history, h => (string?)h!["event"] == "experts-invited");
    }

    public static TheoryData<string, string> Pathological => new()
    {
        { "10,000 bullet items", string.Concat(Enumerable.Range(1, 10_000).Select(i => $"- mục {i}\n")) },
        { "lists nested 1,000 deep", string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i * 2) + "- mức\n")) },
        { "quotes nested 5,000 deep", new string('>', 5_000) + " trích dẫn\n" },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public async Task Pathological_markdown_is_a_clear_4xx_and_nothing_is_stored(string name, string markdown)
    {
        var id = await app.NewConsultation("Dữ liệu xấu " + name, publish: false);
        var response = await app.Moderator().PostAsJsonAsync($"/api/consultations/{id}/versions", new { markdown });
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((string?)(await Json(response))["errors"]!["markdown"]![0]));
        Assert.Equal(0, (int)(await Json(await app.Moderator().GetAsync($"/api/consultations/{id}")))["currentVersion"]!);
    }

    [Fact]
    public async Task The_seed_drafts_are_imported_and_open()
    {
        var list = JsonNode.Parse(await app.Anonymous().GetStringAsync("/api/consultations?status=open"))!.AsArray();
        Assert.Contains(list, c => (string?)c!["slug"] == "ke-hoach-45-nq-tw");
        var seed = await Json(await app.Anonymous().GetAsync("/api/consultations/ke-hoach-45-nq-tw"));
        Assert.Equal(JsonValueKind.Array, JsonSerializer.Deserialize<JsonElement>(seed["sections"]!.ToJsonString()).ValueKind);
        Assert.Contains(seed["sections"]!.AsArray(), s => (string?)s!["anchor"] == "I");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Experts;

/// <summary>Own profile, consent, personal-data export, registry search, privacy of contact, associations, declarations.</summary>
public sealed class ExpertsApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static object Profile(string degree = "ts", string? email = "an@example.vn", string? phone = "+84 912 345 678",
        string[]? fields = null, bool? contact = null, string fullName = "Nguyễn Văn An") =>
        new
        {
            fullName, academicTitle = "pgs", degree, fields = fields ?? ["công nghệ thông tin"], specialty = "Hệ thống thông tin",
            organisation = "Trường Đại học Nông - Lâm", inProvince = true, email, phone, consentToContact = contact,
        };

    [Fact]
    public async Task An_expert_reads_their_seeded_profile_with_contact_and_consent()
    {
        var expert = await app.As("expert1");
        var profile = await (await expert.GetAsync("/api/me/profile")).JsonAsync();
        Assert.Equal("Nguyễn Văn An", profile.GetProperty("fullName").GetString());
        Assert.Equal("PGS.TS. Nguyễn Văn An", profile.GetProperty("titledName").GetString());
        Assert.Equal("pgs", profile.GetProperty("academicTitle").GetString());
        Assert.Equal("nguyen.van.an@example.vn", profile.GetProperty("contact").GetProperty("email").GetString());
        Assert.True(profile.GetProperty("consent").GetProperty("toBeContacted").GetBoolean());
    }

    [Fact]
    public async Task Bad_degree_field_email_and_phone_are_refused_naming_each_field_and_nothing_changes()
    {
        var expert = await app.As("expert2");
        var before = await (await expert.GetAsync("/api/me/profile")).Content.ReadAsStringAsync();
        var response = await expert.PutAsJsonAsync("/api/me/profile", new
        {
            fullName = "Lê Thị Hồng Nhung", academicTitle = "gs", degree = "tiến sĩ giỏi", fields = new[] { "thiên văn" },
            email = "not-an-email", phone = "12345",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "degree", "fields", "email", "phone" }) Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(before, await (await expert.GetAsync("/api/me/profile")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Withdrawn_consent_is_recorded_with_its_time_and_the_export_holds_the_whole_history()
    {
        var expert = await app.As("expert3");
        var saved = await expert.PutAsJsonAsync("/api/me/profile", new
        {
            fullName = "Hoàng Đức Minh", academicTitle = "", degree = "KS", fields = new[] { "khác", "đô thị" },
            inProvince = false, consentToContact = false, consentToAppearByName = false,
        });
        saved.EnsureSuccessStatusCode();
        var profile = await saved.JsonAsync();
        Assert.Equal("bachelor", profile.GetProperty("degree").GetString());
        Assert.False(profile.GetProperty("consent").GetProperty("toBeContacted").GetBoolean());
        // Email was left out, so it is kept.
        Assert.Equal("hoang.minh@example.vn", profile.GetProperty("contact").GetProperty("email").GetString());

        var export = await (await expert.GetAsync("/api/me/profile/export")).JsonAsync();
        Assert.Equal("expert3", export.GetProperty("userName").GetString());
        var types = export.GetProperty("profileHistory").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["expert_profile_registered", "expert_consent_recorded", "expert_profile_edited", "expert_consent_recorded"], types);
        var lastConsent = export.GetProperty("profileHistory")[3].GetProperty("data");
        Assert.False(lastConsent.GetProperty("consent").GetProperty("toBeContacted").GetBoolean());
        Assert.True(lastConsent.TryGetProperty("recordedAt", out _));
    }

    [Fact]
    public async Task The_registry_finds_tien_si_without_diacritics_and_hides_contact_from_moderators_but_not_admins()
    {
        var moderator = await app.As("moderator");
        var found = await (await moderator.GetAsync("/api/experts?q=tien%20si&pageSize=50")).JsonAsync();
        var names = found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fullName").GetString()).ToList();
        Assert.Contains("Nguyễn Văn An", names);
        Assert.Contains("Lê Thị Hồng Nhung", names);
        Assert.DoesNotContain("Hoàng Đức Minh", names);
        Assert.All(found.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("contact").ValueKind));

        var byName = await (await moderator.GetAsync("/api/experts?q=HOANG%20duc")).JsonAsync();
        Assert.Equal("Hoàng Đức Minh", byName.GetProperty("items")[0].GetProperty("fullName").GetString());

        var health = await (await moderator.GetAsync("/api/experts?field=y%20t%E1%BA%BF&degree=TS")).JsonAsync();
        Assert.Equal(["Lê Thị Hồng Nhung"], health.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fullName").GetString()));

        var admin = await app.As("admin");
        var asAdmin = await (await admin.GetAsync("/api/experts?q=nguyen%20van%20an")).JsonAsync();
        Assert.Equal("nguyen.van.an@example.vn", asAdmin.GetProperty("items")[0].GetProperty("contact").GetProperty("email").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync("/api/experts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("official")).GetAsync("/api/experts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).GetAsync("/api/experts")).StatusCode);
    }

    [Fact]
    public async Task Bad_registry_filters_are_named()
    {
        var moderator = await app.As("moderator");
        var response = await moderator.GetAsync("/api/experts?degree=xyz&inProvince=maybe&page=0&field=none");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "degree", "inProvince", "page", "field" }) Assert.True(errors.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Moderators_create_profiles_for_members_without_accounts_and_manage_associations()
    {
        var moderator = await app.As("moderator");
        var added = await moderator.PostAsJsonAsync("/api/associations", new { name = "Hội Kinh tế tỉnh" });
        added.EnsureSuccessStatusCode();
        var associationId = (await added.JsonAsync()).GetProperty("id").GetGuid();
        var duplicate = await moderator.PostAsJsonAsync("/api/associations", new { name = "hoi kinh te tinh" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);

        var created = await moderator.PostAsJsonAsync("/api/experts", new
        {
            fullName = "Đỗ Thị Mai", academicTitle = "none", degree = "ths", fields = new[] { "thương mại" }, associationId,
            email = "mai@example.vn",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.JsonAsync();
        var id = view.GetProperty("id").GetGuid();
        Assert.Equal("Hội Kinh tế tỉnh", view.GetProperty("associationName").GetString());

        (await moderator.PutAsJsonAsync($"/api/associations/{associationId}", new { name = "Hội Khoa học Kinh tế tỉnh" })).EnsureSuccessStatusCode();
        (await moderator.PostAsync($"/api/associations/{associationId}/retire", null)).EnsureSuccessStatusCode();
        var edited = await moderator.PutAsJsonAsync($"/api/experts/{id}", new
        {
            fullName = "Đỗ Thị Mai", academicTitle = "none", degree = "ths", fields = new[] { "thương mại" }, associationId,
        });
        Assert.Equal(HttpStatusCode.BadRequest, edited.StatusCode);
        Assert.True((await edited.JsonAsync()).GetProperty("errors").TryGetProperty("associationId", out _));

        var admin = await app.As("admin");
        var asAdmin = await (await admin.GetAsync($"/api/experts/{id}")).JsonAsync();
        Assert.Equal("mai@example.vn", asAdmin.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("Hội Khoa học Kinh tế tỉnh", asAdmin.GetProperty("associationName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync($"/api/experts/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_feedback_snapshot_carries_title_degree_and_organisation_and_declarations_reach_reviewers()
    {
        var (id, sections) = await app.Consultation();
        var expert = await app.As("expert1");
        var bad = await expert.PutAsJsonAsync($"/api/consultations/{id}/interests/mine", new { hasInterests = true });
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("statement", out _));
        (await expert.PutAsJsonAsync($"/api/consultations/{id}/interests/mine",
            new { hasInterests = true, statement = "Tôi tham gia tổ soạn thảo." })).EnsureSuccessStatusCode();

        var submitted = await expert.PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor));
        submitted.EnsureSuccessStatusCode();
        var items = await (await expert.GetAsync($"/api/consultations/{id}/feedback")).JsonAsync();
        var author = items[0].GetProperty("author");
        Assert.Equal("PGS", author.GetProperty("academicTitle").GetString());
        Assert.Equal("TS", author.GetProperty("degree").GetString());
        Assert.Equal("Trường Đại học Nông - Lâm", author.GetProperty("organisation").GetString());

        var summary = await (await expert.GetAsync($"/api/consultations/{id}/summary")).JsonAsync();
        Assert.Equal(1, summary.GetProperty("byField").GetProperty("công nghệ thông tin").GetInt32());

        var declarations = await (await (await app.As("official")).GetAsync($"/api/consultations/{id}/interests")).JsonAsync();
        Assert.Equal("Tôi tham gia tổ soạn thảo.", declarations[0].GetProperty("statement").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/consultations/{id}/interests")).StatusCode);
    }
}

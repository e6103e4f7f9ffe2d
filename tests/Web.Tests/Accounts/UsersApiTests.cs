using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

public class UsersApiTests(ConsultationApp app) : IClassFixture<ConsultationApp>
{
    private Task<HttpClient> As(string userName, string password = ConsultationApp.DemoPassword) => app.CreateClient().SignedInAs(userName, password);

    private static async Task<JsonElement> Created(HttpClient admin, string userName, string[] roles, string? password = null)
    {
        var response = await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "TS. Đỗ Văn Bình", email = $"{userName}@so-khcn.example.vn", roles, password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<IReadOnlyList<JsonElement>> History(HttpClient admin, string userName) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>($"/api/users/{userName}/history")).EnumerateArray()];

    [Fact]
    public async Task An_admin_creates_an_account_with_a_generated_password_shown_once_that_signs_in()
    {
        var admin = await As("admin");

        var created = await Created(admin, "binh.do", ["expert", "Official"]);

        var password = created.GetProperty("temporaryPassword").GetString()!;
        Assert.True(password.Length >= 12);
        var user = created.GetProperty("user");
        Assert.Equal(["Expert", "Official"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(user.GetProperty("mustChangePassword").GetBoolean());
        Assert.True(user.GetProperty("active").GetBoolean());
        var again = await admin.GetFromJsonAsync<JsonElement>("/api/users/binh.do");
        Assert.False(again.TryGetProperty("temporaryPassword", out _));
        Assert.DoesNotContain(password, again.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().LoginAsync("binh.do", password)).StatusCode);

        var history = await History(admin, "binh.do");
        Assert.Equal("registered", history[0].GetProperty("action").GetString());
        Assert.Equal("admin", history[0].GetProperty("by").GetString());
        Assert.Contains(history, e => e.GetProperty("action").GetString() == "signed-in");
    }

    [Fact]
    public async Task A_taken_user_name_is_409_naming_the_field_in_any_case()
    {
        var admin = await As("admin");

        var response = await admin.PostAsJsonAsync("/api/users", new { userName = "Expert1", displayName = "X", email = "x@example.vn", roles = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("userName", out _));
    }

    [Theory]
    [InlineData("có dấu", "a@example.vn", "Expert", null, "userName")]
    [InlineData("ok.name", "not-an-email", "Expert", null, "email")]
    [InlineData("ok.name", "a@example.vn", "Superuser", null, "roles")]
    [InlineData("ok.name", "a@example.vn", "Expert", "short1A", "password")]
    [InlineData("ok.name", "a@example.vn", "Expert", "alllowercaseletters", "password")]
    public async Task Bad_input_is_400_naming_the_field_and_stores_nothing(string userName, string email, string role, string? password, string field)
    {
        var admin = await As("admin");

        var response = await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "Người thử", email, roles = new[] { role }, password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/users/ok.name")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_open_session_at_once_and_is_audited_with_actor_and_change()
    {
        var admin = await As("admin");
        await Created(admin, "role.change", ["Expert"], "Mat-khau-2026!");
        var person = await As("role.change", "Mat-khau-2026!");
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/experts")).StatusCode);

        var response = await admin.PutAsJsonAsync("/api/users/role.change/roles", new { roles = new[] { "Moderator" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/experts")).StatusCode);
        var me = await person.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(["Moderator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var change = (await History(admin, "role.change")).Single(e => e.GetProperty("action").GetString() == "roles-changed");
        Assert.Equal("admin", change.GetProperty("by").GetString());
        Assert.Equal(["Moderator"], change.GetProperty("added").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["Expert"], change.GetProperty("removed").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Deactivation_refuses_sign_in_and_ends_open_bearer_sessions_and_reactivation_restores_sign_in()
    {
        var admin = await As("admin");
        await Created(admin, "leaving.soon", ["Expert"], "Mat-khau-2026!");
        var person = await As("leaving.soon", "Mat-khau-2026!");
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/me")).StatusCode);

        var response = await admin.PostAsJsonAsync("/api/users/leaving.soon/deactivate", new { reason = "Nghỉ hưu" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.JsonAsync()).GetProperty("user").GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().LoginAsync("leaving.soon", "Mat-khau-2026!")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/users/leaving.soon/deactivate", null)).StatusCode);
        var inactive = await admin.GetFromJsonAsync<JsonElement>("/api/users?active=false");
        Assert.Contains(inactive.EnumerateArray(), u => u.GetProperty("userName").GetString() == "leaving.soon");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/users/leaving.soon/reactivate", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().LoginAsync("leaving.soon", "Mat-khau-2026!")).StatusCode);
        // The old token stays ended: deactivation changed the account's security stamp.
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/me")).StatusCode);
        var history = await History(admin, "leaving.soon");
        Assert.Equal("Nghỉ hưu", history.Single(e => e.GetProperty("action").GetString() == "deactivated").GetProperty("reason").GetString());
        Assert.Contains(history, e => e.GetProperty("action").GetString() == "reactivated");
    }

    [Fact]
    public async Task A_password_reset_ends_open_sessions_and_the_temporary_password_signs_in()
    {
        var admin = await As("admin");
        await Created(admin, "forgot.it", ["Expert"], "Mat-khau-2026!");
        var person = await As("forgot.it", "Mat-khau-2026!");

        var response = await admin.PostAsJsonAsync("/api/users/forgot.it/password-reset", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var temporary = body.GetProperty("temporaryPassword").GetString()!;
        Assert.True(body.GetProperty("user").GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().LoginAsync("forgot.it", "Mat-khau-2026!")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().LoginAsync("forgot.it", temporary)).StatusCode);

        var typed = await admin.PostAsJsonAsync("/api/users/forgot.it/password-reset", new { password = "weak" });
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.True((await typed.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        var reset = (await History(admin, "forgot.it")).Single(e => e.GetProperty("action").GetString() == "password-reset");
        Assert.Equal("admin", reset.GetProperty("by").GetString());
        Assert.DoesNotContain("AQAAAA", (await admin.GetStringAsync("/api/users/forgot.it/history")));
    }

    [Fact]
    public async Task The_person_replaces_a_temporary_password_giving_the_current_one_and_the_flag_clears()
    {
        var admin = await As("admin");
        var temporary = (await Created(admin, "new.comer", ["Expert"])).GetProperty("temporaryPassword").GetString()!;
        var person = await As("new.comer", temporary);

        var wrong = await person.PutAsJsonAsync("/api/me/password", new { currentPassword = "not-it", newPassword = "Mat-khau-rieng-2026" });
        var weak = await person.PutAsJsonAsync("/api/me/password", new { currentPassword = temporary, newPassword = "new.comer-2026-A" });
        var changed = await person.PutAsJsonAsync("/api/me/password", new { currentPassword = temporary, newPassword = "Mat-khau-rieng-2026" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.True((await weak.JsonAsync()).GetProperty("errors").TryGetProperty("newPassword", out _));
        // A bearer caller goes on with a new token: the change ended every session issued before it.
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.False(string.IsNullOrEmpty((await changed.JsonAsync()).GetProperty("accessToken").GetString()));
        Assert.False((await admin.GetFromJsonAsync<JsonElement>("/api/users/new.comer")).GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().LoginAsync("new.comer", "Mat-khau-rieng-2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().LoginAsync("new.comer", temporary)).StatusCode);
    }

    [Fact]
    public async Task Signing_in_on_the_page_with_a_temporary_password_leads_to_the_change_password_page()
    {
        var admin = await As("admin");
        var temporary = (await Created(admin, "page.comer", ["Expert"])).GetProperty("temporaryPassword").GetString()!;
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/account/login");

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "page.comer", ["Password"] = temporary, ["ReturnUrl"] = "/me/feedback",
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/password?returnUrl=%2Fme%2Ffeedback", response.Headers.Location?.OriginalString);
        Assert.Contains("Mật khẩu hiện tại", await browser.GetStringAsync("/account/password"));
    }

    [Fact]
    public async Task The_last_active_admin_cannot_lose_the_role_or_be_deactivated_but_can_once_there_is_another()
    {
        var admin = await As("admin");

        var demote = await admin.PutAsJsonAsync("/api/users/admin/roles", new { roles = new[] { "Expert" } });
        var deactivate = await admin.PostAsync("/api/users/admin/deactivate", null);

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, deactivate.StatusCode);
        Assert.Contains("quản trị viên cuối cùng", (await demote.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(["Admin"], (await admin.GetFromJsonAsync<JsonElement>("/api/users/admin")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        await Created(admin, "second.admin", ["Admin"], "Mat-khau-2026!");
        var second = await As("second.admin", "Mat-khau-2026!");
        Assert.Equal(HttpStatusCode.OK, (await second.PutAsJsonAsync("/api/users/admin/roles", new { roles = new[] { "Admin", "Moderator" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync("/api/users/second.admin/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/users/admin/deactivate", null)).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_text_role_and_state_and_refuses_an_unknown_role()
    {
        var admin = await As("admin");

        var moderators = await admin.GetFromJsonAsync<JsonElement>("/api/users?role=moderator");
        var byName = await admin.GetFromJsonAsync<JsonElement>("/api/users?q=" + Uri.EscapeDataString("hồng nhung"));
        var badRole = await admin.GetAsync("/api/users?role=king&active=maybe");

        Assert.Contains("moderator", moderators.EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
        Assert.All(moderators.EnumerateArray(), u => Assert.Contains("Moderator", u.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
        Assert.Equal(["expert2"], byName.EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal(["active", "role"], (await badRole.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Users_routes_are_in_the_openapi_document()
    {
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "\"/api/users\"", "\"/api/users/{userName}\"", "\"/api/users/{userName}/roles\"", "\"/api/users/{userName}/deactivate\"",
                     "\"/api/users/{userName}/reactivate\"", "\"/api/users/{userName}/password-reset\"", "\"/api/users/{userName}/history\"" })
            Assert.Contains(path, document);
    }
}

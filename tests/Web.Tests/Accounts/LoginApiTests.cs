using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

public class LoginApiTests(ConsultationApp app) : IClassFixture<ConsultationApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_demo_account_gets_a_bearer_token_that_identifies_it_at_api_me()
    {
        var response = await _client.LoginAsync("moderator", ConsultationApp.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.True(body.GetProperty("expiresIn").GetInt64() > 0);

        var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        var user = await (await _client.SendAsync(me)).JsonAsync();
        Assert.Equal("moderator", user.GetProperty("userName").GetString());
        Assert.Equal("ThS. Trần Thị Bích Ngọc", user.GetProperty("displayName").GetString());
        Assert.Equal(["Moderator"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401_problem()
    {
        var wrongPassword = await _client.LoginAsync("expert1", "not-the-password");
        var unknownUser = await _client.LoginAsync("nobody-here", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WithoutTraceId(await wrongPassword.JsonAsync()), WithoutTraceId(await unknownUser.JsonAsync()));
    }

    [Fact]
    public async Task A_login_without_user_name_is_a_validation_problem_naming_the_field()
    {
        var response = await _client.PostAsJsonAsync("/api/auth/login", new { password = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("userName", out _));
        Assert.False(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task An_anonymous_api_call_gets_401_problem_details_not_a_redirect()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-real-token");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string WithoutTraceId(JsonElement problem) =>
        JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value));
}

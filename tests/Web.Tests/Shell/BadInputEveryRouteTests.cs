using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Nq45Consult.Web.Tests.Shell;

/// <summary>
/// Every JSON route, taken from the app's endpoint data source (a new route is covered without a line here), given a
/// body that is not JSON, JSON of the wrong shape, each field of its request type with a value of the wrong type, and
/// the wrong content type, by a caller the route lets in: always a 400 (or 415) ProblemDetails naming the field, never
/// a 5xx. The app runs in Development, as the README's <c>dotnet run</c> does: that is where minimal APIs throw on a
/// body they cannot bind.
/// </summary>
public partial class BadInputEveryRouteTests(BadInputEveryRouteTests.DevelopmentApp app, ITestOutputHelper output)
    : IClassFixture<BadInputEveryRouteTests.DevelopmentApp>
{
    public sealed class DevelopmentApp : ConsultationApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    private static readonly string?[] Callers = [null, "expert1", "moderator", "official", "admin"];

    private sealed record JsonRoute(string Method, string Pattern, Type RequestType)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    [GeneratedRegex(@"\{(?<name>[^}:?]+)(?::(?<constraint>[^}?]+))?\??\}")]
    private static partial Regex RouteParameter();

    private IReadOnlyList<JsonRoute> JsonRoutes() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true)
            .SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } type } accepts
                             && accepts.ContentTypes.Contains("application/json")
                ? (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new JsonRoute(m, e.RoutePattern.RawText!, type))
                : [])
            .DistinctBy(r => r.ToString())];

    /// <summary>An address for the pattern: 1 for an int parameter, a fresh GUID (also a fine user name or slug) for any other.</summary>
    private static string Address(string pattern) =>
        RouteParameter().Replace(pattern, m => m.Groups["constraint"].Value.StartsWith("int") ? "1" : Guid.NewGuid().ToString());

    private static HttpRequestMessage Request(JsonRoute route, string body, string contentType = "application/json") =>
        new(new HttpMethod(route.Method), Address(route.Pattern)) { Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)) };

    private readonly Dictionary<string, HttpClient> clients = [];

    private async Task<HttpClient> Client(string? user)
    {
        if (clients.TryGetValue(user ?? "", out var client)) return client;
        client = app.CreateClient();
        if (user is not null) await client.SignedInAs(user, ConsultationApp.DemoPassword);
        return clients[user ?? ""] = client;
    }

    /// <summary>The first of anonymous, expert, moderator, official and admin whom the route lets past authorization.</summary>
    private async Task<HttpClient> AllowedCaller(JsonRoute route)
    {
        foreach (var user in Callers)
        {
            var client = await Client(user);
            using var response = await client.SendAsync(Request(route, "{not json"));
            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)) return client;
        }
        throw new Xunit.Sdk.XunitException($"{route}: no demo account may call it.");
    }

    /// <summary>For each JSON property of the request type, a value its type can never take; none for a property that takes any JSON.</summary>
    private static IEnumerable<(string Field, JsonNode Value)> WrongFields(Type requestType)
    {
        var info = JsonSerializerOptions.Web.GetTypeInfo(requestType);
        if (info.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object) yield break;
        foreach (var property in info.Properties)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(JsonElement) || type == typeof(object) || typeof(JsonNode).IsAssignableFrom(type)) continue;
            var scalar = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
                || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeSpan);
            yield return (property.Name, scalar ? new JsonObject() : JsonValue.Create(7)!);
        }
    }

    private static string WrongRoot(Type requestType) =>
        JsonSerializerOptions.Web.GetTypeInfo(requestType).Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object ? "[1, 2]" : "true";

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode} instead of {(int)status}. {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static void Names(JsonElement problem, string field, string what)
    {
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0, $"{what}: errors do not name {field}: {errors}");
    }

    [Fact]
    public async Task Every_JSON_route_answers_a_malformed_or_wrongly_typed_body_with_a_400_naming_the_field()
    {
        var routes = JsonRoutes();
        Assert.Contains(routes, r => r.ToString() == "POST /api/auth/login");
        Assert.Contains(routes, r => r.ToString() == "POST /api/consultations/{id:guid}/feedback");
        var checkedFields = 0;
        foreach (var route in routes)
        {
            var caller = await AllowedCaller(route);
            Names(await Problem(await caller.SendAsync(Request(route, "{not json")), HttpStatusCode.BadRequest, $"{route} with {{not json"), "$", route.ToString());
            Names(await Problem(await caller.SendAsync(Request(route, WrongRoot(route.RequestType))), HttpStatusCode.BadRequest, $"{route} with a body of the wrong shape"), "$", route.ToString());
            foreach (var (field, value) in WrongFields(route.RequestType))
            {
                var body = new JsonObject { [field] = value }.ToJsonString();
                var what = $"{route} with {body}";
                Names(await Problem(await caller.SendAsync(Request(route, body)), HttpStatusCode.BadRequest, what), field, what);
                checkedFields++;
            }
            await Problem(await caller.SendAsync(Request(route, "userName=x", "text/plain")), HttpStatusCode.UnsupportedMediaType, $"{route} as text/plain");
        }
        output.WriteLine($"{routes.Count} JSON routes, {checkedFields} fields given a value of the wrong type.");
    }

    [Fact]
    public async Task No_body_an_empty_object_or_nulls_for_every_field_never_get_a_5xx()
    {
        foreach (var route in JsonRoutes())
        {
            var caller = await AllowedCaller(route);
            var nulls = new JsonObject();
            foreach (var property in JsonSerializerOptions.Web.GetTypeInfo(route.RequestType).Properties) nulls[property.Name] = null;
            // An optional body may be left out (or null): the route answers whatever it answers, only never a 5xx.
            foreach (var body in new[] { "{}", nulls.ToJsonString(), "null", "" })
            {
                using var response = await caller.SendAsync(Request(route, body));
                Assert.True((int)response.StatusCode < 500, $"{route} with {body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    [Fact]
    public async Task A_login_that_is_not_JSON_is_a_400_in_the_callers_language_and_signs_nobody_in()
    {
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login?culture=en")
        {
            Content = new StringContent("{not json", Encoding.UTF8, "application/json"),
        };
        var problem = await Problem(await client.SendAsync(request), HttpStatusCode.BadRequest, "login with {not json");
        Assert.Equal("The request is not valid", problem.GetProperty("title").GetString());
        Assert.Contains("line 1, position 2", problem.GetProperty("errors").GetProperty("$")[0].GetString());

        var wrongType = await client.PostAsync("/api/auth/login", new StringContent("""{"userName": "admin", "password": 12345}""", Encoding.UTF8, "application/json"));
        var vietnamese = await Problem(wrongType, HttpStatusCode.BadRequest, "login with a numeric password");
        Assert.Equal("Yêu cầu không hợp lệ", vietnamese.GetProperty("title").GetString());
        Names(vietnamese, "password", "login with a numeric password");
        Assert.False(vietnamese.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem()
    {
        var expert = await Client("expert1");
        // JsonContent announces no length: the limit is met while the binder reads, as a BadHttpRequestException.
        var response = await expert.PostAsync($"/api/consultations/{Guid.NewGuid()}/feedback",
            System.Net.Http.Json.JsonContent.Create(new { rationale = new string('a', 5 * 1024 * 1024) }));
        var problem = await Problem(response, HttpStatusCode.RequestEntityTooLarge, "a 5 MB chunked body");
        Assert.Equal("Nội dung quá lớn", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_a_400_naming_the_parameter()
    {
        var moderator = await Client("moderator");
        Names(await Problem(await moderator.GetAsync("/api/moderation/queue?consultation=not-a-guid"), HttpStatusCode.BadRequest, "queue ?consultation=not-a-guid"),
            "consultation", "queue ?consultation=not-a-guid");
    }
}

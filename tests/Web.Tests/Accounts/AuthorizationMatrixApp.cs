using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Nq45Consult.Web.Tests.Drafts;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>Who calls in the authorization matrix: anonymous, then one demo account per role.</summary>
[Flags]
public enum Who
{
    Nobody = 0,
    Anonymous = 1,
    Expert = 2,
    Moderator = 4,
    Official = 8,
    Admin = 16,
    SignedIn = Expert | Moderator | Official | Admin,
    Anyone = Anonymous | SignedIn,
}

/// <summary>
/// The app with something real behind every route value: a public open consultation with a version and a feedback
/// item by expert1, a started live session for the hubs and another for the session routes, an association, and an
/// account (<see cref="TargetUser"/>) for the user routes to act on. Everything made through the API.
/// </summary>
public sealed class AuthorizationMatrixApp : ConsultationApp, IAsyncLifetime
{
    public const string TargetUser = "matrix.target";

    public static readonly IReadOnlyDictionary<Who, string?> Callers = new Dictionary<Who, string?>
    {
        [Who.Anonymous] = null, [Who.Expert] = "expert1", [Who.Moderator] = "moderator", [Who.Official] = "official", [Who.Admin] = "admin",
    };

    private readonly Dictionary<Who, string?> tokens = [];

    public Guid ConsultationId { get; private set; }
    public Guid FeedbackId { get; private set; }
    public Guid HubSessionId { get; private set; }
    public Guid RouteSessionId { get; private set; }
    public Guid AssociationId { get; private set; }

    /// <summary>expert2's profile, whose contact details are private to expert2 and admins.</summary>
    public Guid PrivateProfileId { get; private set; }

    public const string PrivateEmail = "le.nhung@example.vn";

    public async Task InitializeAsync()
    {
        foreach (var (who, userName) in Callers)
            tokens[who] = userName is null ? null : await CreateClient().TokenAsync(userName, DemoPassword);
        var moderator = Client(Who.Moderator);
        var now = DateTimeOffset.UtcNow;
        var created = await moderator.PostAsJsonAsync("/api/consultations", new
        {
            title = "Ma trận phân quyền", summary = "Tóm tắt", draftingAgency = "Sở KH&CN", fields = new[] { "y tế" }, audience = "public",
            documentType = "policy", opensAt = now, closesAt = now.AddDays(30), slug = "ma-tran-phan-quyen",
        });
        created.EnsureSuccessStatusCode();
        ConsultationId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        (await moderator.PostAsJsonAsync($"/api/consultations/{ConsultationId}/versions", new { markdown = Samples.Legal })).EnsureSuccessStatusCode();
        (await moderator.PostAsync($"/api/consultations/{ConsultationId}/open", null)).EnsureSuccessStatusCode();

        var feedback = await Client(Who.Expert).PostAsJsonAsync($"/api/consultations/{ConsultationId}/feedback", new
        {
            sectionAnchor = (string?)null, stance = "amend", proposedText = "Sửa thành: …", rationale = "Cần lộ trình cụ thể.", attribution = "named",
        });
        feedback.EnsureSuccessStatusCode();
        FeedbackId = (await feedback.JsonAsync()).GetProperty("id").GetGuid();

        HubSessionId = await StartedSession(moderator, "Phiên cho hub");
        RouteSessionId = await StartedSession(moderator, "Phiên cho các route");

        var associations = await Client(Who.Moderator).GetFromJsonAsync<JsonElement>("/api/associations");
        AssociationId = associations.EnumerateArray().First().GetProperty("id").GetGuid();
        var registry = await Client(Who.Admin).GetFromJsonAsync<JsonElement>("/api/experts?q=hong%20nhung");
        PrivateProfileId = registry.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();

        (await Client(Who.Admin).PostAsJsonAsync("/api/users", new
        {
            userName = TargetUser, displayName = "Người được thử quyền", email = "target@example.vn", roles = new[] { "Expert" }, password = "Mat-khau-2026!",
        })).EnsureSuccessStatusCode();
    }

    private async Task<Guid> StartedSession(HttpClient moderator, string title)
    {
        var session = await moderator.PostAsJsonAsync($"/api/consultations/{ConsultationId}/sessions", new { title, startsAt = DateTimeOffset.UtcNow });
        session.EnsureSuccessStatusCode();
        var id = (await session.JsonAsync()).GetProperty("id").GetGuid();
        (await moderator.PostAsync($"/api/sessions/{id}/start", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>An API client for the caller: bearer token of its demo account, none for anonymous.</summary>
    public HttpClient Client(Who who)
    {
        var client = CreateClient(new() { AllowAutoRedirect = false });
        if (tokens.GetValueOrDefault(who) is { } token) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A started hub connection as the caller (WebSockets through the test server, token in the query as browsers send it).</summary>
    public async Task<HubConnection> Hub(string path, Who who)
    {
        var address = new Uri(Server.BaseAddress, tokens.GetValueOrDefault(who) is { } token ? $"{path}?access_token={Uri.EscapeDataString(token)}" : path);
        var connection = new HubConnectionBuilder()
            .WithUrl(address, options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.WebSocketFactory = async (context, cancellation) => await Server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellation);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Registering;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Tests.Consultations;
using Nq45Consult.Consultation.Consultations.Inviting;
using Nq45Consult.Consultation.Consultations.Opening;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>
/// The app with signed-in clients and consultations to give feedback on. Consultations are made through the
/// consultation commands (their HTTP routes belong to the consultations feature).
/// </summary>
public class FeedbackFixture : ConsultationApp
{
    public const string Markdown = """
        # Kế hoạch thử nghiệm

        ## I. MỤC TIÊU

        1. Phát triển hạ tầng số 🇻🇳 đồng bộ, hiện đại.

        2. Nâng cao năng lực nghiên cứu khoa học.

        ## II. NHIỆM VỤ

        1. Hoàn thiện thể chế.
        """;

    private readonly Dictionary<string, string> tokens = [];
    private readonly SemaphoreSlim signIn = new(1, 1);

    /// <summary>A client signed in as <paramref name="userName"/> with a bearer token; anonymous when null.</summary>
    public async Task<HttpClient> As(string? userName)
    {
        // No automatic redirects: HttpClient would drop the bearer header on the way.
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        if (userName is null) return client;
        await signIn.WaitAsync();
        try
        {
            if (!tokens.TryGetValue(userName, out var token))
            {
                var response = await CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password = DemoPassword });
                response.EnsureSuccessStatusCode();
                token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
                tokens[userName] = token;
            }
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }
        finally
        {
            signIn.Release();
        }
    }

    public string TokenOf(string userName) => tokens[userName];

    /// <summary>A started connection to <c>/hubs/notifications</c> as <paramref name="userName"/> (WebSockets through the test server).</summary>
    public async Task<HubConnection> NotificationsHub(string userName, Action<HubConnection> listen)
    {
        await As(userName);
        var token = TokenOf(userName);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/hubs/notifications"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.WebSocketFactory = async (context, cancellation) =>
                {
                    var client = Server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
                    return await client.ConnectAsync(context.Uri, cancellation);
                };
            })
            .Build();
        listen(connection);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Registers an extra expert account (with the demo password) unless it exists; returns its user name.</summary>
    public async Task<string> Expert(string userName)
    {
        bool exists;
        await using (var session = Services.GetRequiredService<IDocumentStore>().QuerySession())
            exists = await AccountLookup.ExistsAsync(session, userName, CancellationToken.None);
        if (!exists)
            await Services.GetRequiredService<RegisterAccountHandler>()
                .Handle(new RegisterAccount(userName, $"Chuyên gia {userName}", [Role.Expert], DemoPassword, "tests"), CancellationToken.None);
        return userName;
    }

    /// <summary>A consultation with a published version, opened unless <paramref name="open"/> is false.</summary>
    public async Task<(Guid Id, IReadOnlyList<SectionSnapshot> Sections)> Consultation(
        string audience = "public", bool open = true, params string[] invited) => await Consultation(audience, open, withDraft: true, invited);

    /// <summary>A consultation, with a published draft version unless <paramref name="withDraft"/> is false (a survey-only one, not opened then).</summary>
    public async Task<(Guid Id, IReadOnlyList<SectionSnapshot> Sections)> Consultation(
        string audience, bool open, bool withDraft, params string[] invited)
    {
        var commands = new ConsultationSteps(Services.GetRequiredService<IDocumentStore>(), TimeProvider.System, new ConsultationOptions());
        var now = DateTimeOffset.UtcNow;
        var created = await commands.Create(null, new ConsultationDetailsInput(
            $"Thử {Guid.NewGuid():N}", "Tóm tắt", "Sở KH&CN", "plan", ["y tế"], audience, now.AddDays(-1), now.AddDays(30)), "moderator");
        var id = created.Consultation?.Id ?? throw new InvalidOperationException($"Create refused: {created.Decision}");
        if (withDraft && (await commands.PublishVersion(id, Markdown, null, "moderator")).Decision is not { Accepted: true })
            throw new InvalidOperationException("Publish refused.");
        if (invited.Length > 0) await commands.Invite(id, invited, "moderator");
        if (!withDraft) return (id, []);
        if (open) await commands.Open(id, "moderator");
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        var version = await session.LoadAsync<DraftVersion>(DraftVersion.IdOf(id, 1));
        return (id, version!.Sections);
    }

    public async Task Close(Guid id)
    {
        var commands = new ConsultationSteps(Services.GetRequiredService<IDocumentStore>(), TimeProvider.System, new ConsultationOptions());
        await commands.Close(id, "moderator");
    }

    /// <summary>Submits <see cref="Feedback"/> on <paramref name="consultation"/> as <paramref name="author"/>; the new item's id.</summary>
    public async Task<Guid> Submitted(Guid consultation, string? anchor, string author = "expert1", string rationale = "Cần lộ trình cụ thể.")
    {
        var response = await (await As(author)).PostAsJsonAsync($"/api/consultations/{consultation}/feedback", Feedback(anchor, rationale));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    public static object Feedback(string? anchor, string rationale = "Cần lộ trình cụ thể.", string stance = "amend",
        string attribution = "named", object? quote = null) =>
        new { sectionAnchor = anchor, quote, stance, proposedText = "Sửa thành: …", rationale, references = new[] { new { title = "Luật 64/2025", url = "https://vbpl.vn/64" } }, attribution };

    private sealed record TokenResponse(string AccessToken);
}

public sealed record Created(Guid Id, long Version);

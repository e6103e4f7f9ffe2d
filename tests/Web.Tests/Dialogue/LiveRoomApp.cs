using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>
/// The app on Kestrel over loopback, so hub clients use real WebSockets. Extra settings (a Redis
/// backplane, a shared database) let two instances serve one room.
/// </summary>
public class LiveRoomApp : ConsultationApp
{
    private readonly Dictionary<string, string> tokens = [];

    public LiveRoomApp() : this(new Dictionary<string, string?>()) { }

    protected LiveRoomApp(IReadOnlyDictionary<string, string?> settings)
    {
        Settings = settings;
        UseKestrel(0);
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private IReadOnlyDictionary<string, string?> Settings { get; }

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Dialogue:Hub:BroadcastInterval", "00:00:00.020");
        builder.UseSetting("Dialogue:Hub:PresenceInterval", "00:00:00.020");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    public async Task<HttpClient> HttpAs(string user)
    {
        var client = Http();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenOf(user));
        return client;
    }

    public async Task<string> TokenOf(string user)
    {
        if (tokens.TryGetValue(user, out var token)) return token;
        return tokens[user] = await Http().TokenAsync(user, DemoPassword);
    }

    public async Task<HubConnection> Connect(string user)
    {
        var token = await TokenOf(user);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/dialogue"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>An open consultation (public audience unless experts are named), written straight to its stream.</summary>
    public async Task<Guid> AConsultation(params string[] invited)
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var details = new ConsultationDetailsInput.Valid("Dự thảo thử", "Tóm tắt", "Sở KH&CN", DocumentType.Plan, ["khác"],
            invited.Length > 0 ? Audience.Invited : Audience.Public, now, now.AddDays(30));
        await using var session = Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.StartStream<ConsultationState>(id,
            new ConsultationCreated(id, $"thu-{id:N}", details, "moderator", now),
            new ExpertsInvited(id, invited, "moderator", now),
            new ConsultationOpened(id, "moderator", now));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>A session scheduled through the API, started unless asked otherwise.</summary>
    public async Task<Guid> ASession(bool preModeration = false, bool start = true, Guid? consultation = null, string? agenda = null)
    {
        var moderator = await HttpAs("moderator");
        var consultationId = consultation ?? await AConsultation();
        var created = await moderator.PostAsJsonAsync($"/api/consultations/{consultationId}/sessions",
            new { title = "Hội nghị phản biện thử", startsAt = DateTimeOffset.UtcNow, preModeration, agenda });
        created.EnsureSuccessStatusCode();
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        if (start) (await moderator.PostAsync($"/api/sessions/{id}/start", null)).EnsureSuccessStatusCode();
        return id;
    }

    public async Task<JsonElement> Transcript(Guid session, string user = "moderator")
    {
        var response = await (await HttpAs(user)).GetAsync($"/api/sessions/{session}/transcript");
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }
}

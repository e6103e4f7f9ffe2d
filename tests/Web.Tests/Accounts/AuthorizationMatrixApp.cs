using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Registering;
using Nq45Consult.Web.Tests.Consultations;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>
/// Who calls in the authorization matrix: anonymous, the expert who wrote the anonymous item, another expert, one
/// account per staff role, and a user holding two roles (expert and official).
/// </summary>
[Flags]
public enum Who
{
    Nobody = 0,
    Anonymous = 1,
    /// <summary>The author of the anonymous feedback item and of a survey response (<see cref="AuthorizationMatrixApp.AuthorUserName"/>).</summary>
    Expert = 2,
    Moderator = 4,
    Official = 8,
    Admin = 16,
    /// <summary>expert1: an expert who wrote nothing sensitive, and the owner of a private phone number.</summary>
    OtherExpert = 32,
    /// <summary>An expert who is also an official: two roles must not add up to a moderator's view.</summary>
    TwoRoles = 64,
    SignedIn = Expert | Moderator | Official | Admin | OtherExpert | TwoRoles,
    Anyone = Anonymous | SignedIn,
}

/// <summary>
/// The app with something real behind every route value, and data of every sensitive kind, each carrying a marker
/// string that a search over the raw bytes of any answer finds: an anonymous feedback item and a named one whose
/// author does not consent to appear by name (user names and display names as markers), a survey response with
/// free text, a live session with a hidden chat message and a poll ballot, private contact details on profiles, a
/// consultation still in draft (its title a marker).
/// While it is seeded, a client of each role watches the consultation hub and joins the live session with the raw
/// SignalR JSON protocol, so everything a hub sends is kept as text (<see cref="ConsultationHubText"/>, <see cref="DialogueHubText"/>).
/// </summary>
public sealed class AuthorizationMatrixApp : ConsultationApp, IAsyncLifetime
{
    public const string TargetUser = "matrix.target";

    // Markers: ASCII, so that no JSON or HTML escaping hides them from a search.
    public const string AuthorUserName = "anq7author";
    public const string AuthorDisplayName = "Anq7 Writer Hidden";
    public const string UnnamedUserName = "nonameq7";
    public const string UnnamedDisplayName = "Nonameq7 Unnamed Person";
    public const string VoterUserName = "voterq7";
    public const string VoterDisplayName = "Voterq7 Ballot Caster";
    public const string SurveyAnswer = "SurveyQ7 private answer";
    public const string HiddenChat = "ChatQ7 hidden words";
    public const string ModeratedChat = "Hidden by the matrix";
    public const string TwoRolesUserName = "matrix.dual";
    public const string DraftTitle = "DraftQ7 unpublished title";
    public const string CaseSubject = "CaseQ7 agency request";

    /// <summary>expert2's private e-mail and expert1's private phone, as stored (digits only), from the demo profiles.</summary>
    public const string PrivateEmail = "le.nhung@example.vn";
    public const string PrivatePhone = "0912345678";

    /// <summary>The address of someone without an account, invited by e-mail to the matrix's consultation.</summary>
    public const string InvitedEmail = "moi.ma.tran@example.vn";

    public static readonly IReadOnlyDictionary<Who, string?> Callers = new Dictionary<Who, string?>
    {
        [Who.Anonymous] = null, [Who.Expert] = AuthorUserName, [Who.Moderator] = "moderator", [Who.Official] = "official", [Who.Admin] = "admin",
        [Who.OtherExpert] = "expert1", [Who.TwoRoles] = TwoRolesUserName,
    };

    private readonly Dictionary<Who, string?> tokens = [];
    private readonly Dictionary<Who, HttpClient> browsers = [];

    public Guid ConsultationId { get; private set; }
    public string ConsultationSlug { get; } = "ma-tran-phan-quyen";
    public Guid FeedbackId { get; private set; }
    public Guid UnnamedFeedbackId { get; private set; }
    public Guid HubSessionId { get; private set; }
    public Guid RouteSessionId { get; private set; }
    public Guid AssociationId { get; private set; }

    /// <summary>An anonymous recommendation by the anonymous item's author: only moderators (and the author) may see who wrote it.</summary>
    public Guid RecommendationId { get; private set; }

    /// <summary>A case of the demo official's agency on the consultation, accepted, with expert1 appointed chair (<see cref="CaseMemberId"/>).</summary>
    public Guid CaseId { get; private set; }

    public Guid CaseMemberId { get; private set; }

    /// <summary>expert2's profile, whose contact details are private to expert2 and admins.</summary>
    public Guid PrivateProfileId { get; private set; }

    /// <summary>What each role's client received from <c>/hubs/consultation</c> while the feedback was written.</summary>
    public IReadOnlyDictionary<Who, string> ConsultationHubText { get; private set; } = new Dictionary<Who, string>();

    /// <summary>What each role's client received from <c>/hubs/dialogue</c>: Join, Resync from the start, and the poll's votes as they came.</summary>
    public IReadOnlyDictionary<Who, string> DialogueHubText { get; private set; } = new Dictionary<Who, string>();

    /// <summary>Every account's password hash, as stored: none may ever leave the server.</summary>
    public IReadOnlyList<string> PasswordHashes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await NewAccount(AuthorUserName, AuthorDisplayName, Role.Expert);
        await NewAccount(UnnamedUserName, UnnamedDisplayName, Role.Expert);
        await NewAccount(VoterUserName, VoterDisplayName, Role.Expert);
        await NewAccount(TwoRolesUserName, "Matrix Two Roles", Role.Expert, Role.Official);
        foreach (var (who, userName) in Callers)
            tokens[who] = userName is null ? null : await CreateClient().TokenAsync(userName, DemoPassword);
        var moderator = Client(Who.Moderator);
        ConsultationId = await NewConsultation(moderator, "Ma trận phân quyền", ConsultationSlug);
        // The hub matrix acts (asks, says) as every role: in a room of its own, apart from the seeded data.
        var hubConsultation = await NewConsultation(moderator, "Ma trận cho hub", "ma-tran-cho-hub");
        await NewConsultation(moderator, DraftTitle, "du-thao-chua-mo", open: false);
        (await moderator.PutAsJsonAsync($"/api/consultations/{ConsultationId}/survey", new
        {
            questions = new[] { new { id = "q1", kind = "text", text = "Ý kiến khác?", required = true } }, resultsPublic = false,
        })).EnsureSuccessStatusCode();

        var unnamed = await Signed(UnnamedUserName);
        (await unnamed.PutAsJsonAsync("/api/me/profile", new
        {
            fullName = UnnamedDisplayName, academicTitle = "none", degree = "ths", fields = new[] { "y tế" }, consentToAppearByName = false,
        })).EnsureSuccessStatusCode();

        var watchers = await Task.WhenAll(Callers.Keys.Select(async who => (Who: who, Hub: await RawHub.Connect(Server, "/hubs/consultation", tokens[who]))));
        foreach (var (_, hub) in watchers) await hub.Invoke("Watch", ConsultationId);

        FeedbackId = await Submit(Client(Who.Expert), "anonymous");
        UnnamedFeedbackId = await Submit(unnamed, "named");
        (await Client(Who.Expert).PostAsJsonAsync($"/api/consultations/{ConsultationId}/survey/responses", new { answers = new { q1 = SurveyAnswer } }))
            .EnsureSuccessStatusCode();
        foreach (var (_, hub) in watchers) await hub.WaitFor(FeedbackId.ToString(), UnnamedFeedbackId.ToString());
        ConsultationHubText = watchers.ToDictionary(w => w.Who, w => w.Hub.Text);
        foreach (var (_, hub) in watchers) await hub.DisposeAsync();

        await OpinionMap(moderator);
        var recommendation = await Client(Who.Expert).PostAsJsonAsync("/api/recommendations", new
        {
            topic = "Ma trận: kiến nghị ẩn danh", fields = new[] { "y tế" }, text = "Cần lộ trình chung.", attribution = "anonymous",
        });
        recommendation.EnsureSuccessStatusCode();
        RecommendationId = (await recommendation.JsonAsync()).GetProperty("id").GetGuid();

        HubSessionId = await StartedSession(moderator, hubConsultation, "Phiên cho hub");
        RouteSessionId = await StartedSession(moderator, ConsultationId, "Phiên cho các route");
        (await moderator.PostAsJsonAsync($"/api/sessions/{RouteSessionId}/invitations", new { emails = new[] { InvitedEmail } })).EnsureSuccessStatusCode();
        await LiveSession();

        var associations = await Client(Who.Moderator).GetFromJsonAsync<JsonElement>("/api/associations");
        AssociationId = associations.EnumerateArray().First().GetProperty("id").GetGuid();
        var registry = await Client(Who.Admin).GetFromJsonAsync<JsonElement>("/api/experts?q=hong%20nhung");
        PrivateProfileId = registry.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();

        (await Client(Who.Admin).PostAsJsonAsync("/api/users", new
        {
            userName = TargetUser, displayName = "Người được thử quyền", email = "target@example.vn", roles = new[] { "Expert" }, password = "Mat-khau-2026!",
        })).EnsureSuccessStatusCode();

        await SeedCase(moderator);

        await using var query = Services.GetRequiredService<IDocumentStore>().QuerySession();
        PasswordHashes = [.. (await query.Query<Account>().ToListAsync()).Select(a => a.PasswordHash)];
    }

    /// <summary>
    /// The route session, live: expert1 says a message that a moderator hides, then every role joins and resyncs from
    /// the start, and watches a ballot being cast and the poll closed.
    /// </summary>
    private async Task LiveSession()
    {
        var session = RouteSessionId;
        await using var speaker = await Hub("/hubs/dialogue", Who.OtherExpert);
        await speaker.InvokeAsync<JsonElement>("Join", session);
        await speaker.InvokeAsync<long>("Say", session, HiddenChat);
        await using var moderator = await Hub("/hubs/dialogue", Who.Moderator);
        var room = await moderator.InvokeAsync<JsonElement>("Join", session);
        var message = room.GetProperty("messages").EnumerateArray().Single().GetProperty("id").GetGuid();
        await moderator.InvokeAsync<long>("HideMessage", session, message, ModeratedChat);
        await moderator.InvokeAsync<long>("OpenPoll", session, "Đồng ý?", new[] { "Có", "Không" }, false);

        var members = await Task.WhenAll(Callers.Keys.Where(w => w != Who.Anonymous)
            .Select(async who => (Who: who, Hub: await RawHub.Connect(Server, "/hubs/dialogue", tokens[who]))));
        foreach (var (_, hub) in members)
        {
            await hub.Invoke("Join", session);
            await hub.Invoke("Resync", session, 0);
        }
        // Invocations are answered in order on a connection: once the Resync's answer is in, the client is in the room.
        foreach (var (_, hub) in members) await hub.WaitFor("\"invocationId\":\"2\"");

        await using var voter = await VoterHub();
        var poll = (await voter.InvokeAsync<JsonElement>("Join", session)).GetProperty("polls").EnumerateArray().Single().GetProperty("id").GetGuid();
        await voter.InvokeAsync<long>("Vote", session, poll, 1);
        await moderator.InvokeAsync<long>("ClosePoll", session, poll);
        foreach (var (who, hub) in members.Where(m => m.Who != Who.Admin)) await hub.WaitFor("\"pollClosed\"");
        DialogueHubText = members.ToDictionary(m => m.Who, m => m.Hub.Text);
        foreach (var (_, hub) in members) await hub.DisposeAsync();
    }

    /// <summary>
    /// The consultation's opinion map, on, with a seeded statement the poll voter votes on and a statement the poll voter
    /// proposes: the map, its statements, its moderators' pages and the group profiles must never name them.
    /// </summary>
    private async Task OpinionMap(HttpClient moderator)
    {
        (await moderator.PostAsJsonAsync($"/api/consultations/{ConsultationId}/opinion-map", new { })).EnsureSuccessStatusCode();
        var seeded = await moderator.PostAsJsonAsync($"/api/consultations/{ConsultationId}/statements", new { text = "Ma trận: cần lộ trình cụ thể." });
        seeded.EnsureSuccessStatusCode();
        var statement = (await seeded.JsonAsync()).GetProperty("id").GetGuid();
        var voter = await Signed(VoterUserName);
        (await voter.PostAsJsonAsync($"/api/statements/{statement}/vote", new { vote = "agree" })).EnsureSuccessStatusCode();
        (await voter.PostAsJsonAsync($"/api/consultations/{ConsultationId}/statements", new { text = "Ma trận: nhận định chờ duyệt." })).EnsureSuccessStatusCode();
        (await moderator.PostAsync($"/api/consultations/{ConsultationId}/opinion-map/recompute", null)).EnsureSuccessStatusCode();
    }

    private async Task<HubConnection> VoterHub()
    {
        var token = await CreateClient().TokenAsync(VoterUserName, DemoPassword);
        return await Hub("/hubs/dialogue", token);
    }

    private async Task NewAccount(string userName, string displayName, params Role[] roles)
    {
        await Services.GetRequiredService<RegisterAccountHandler>()
            .Handle(new RegisterAccount(userName, displayName, roles, DemoPassword, "tests"), CancellationToken.None);
    }

    private async Task SeedCase(HttpClient moderator)
    {
        var requested = await Client(Who.Official).PostAsJsonAsync("/api/cases", new
        {
            kind = "critique", subject = CaseSubject, consultationId = ConsultationId, dueAt = DateTimeOffset.UtcNow.AddDays(60),
        });
        requested.EnsureSuccessStatusCode();
        CaseId = (await requested.JsonAsync()).GetProperty("id").GetGuid();
        (await moderator.PostAsync($"/api/cases/{CaseId}/accept", null)).EnsureSuccessStatusCode();
        var candidates = await moderator.GetFromJsonAsync<JsonElement>($"/api/cases/{CaseId}/candidates?q=expert1");
        var profile = candidates.EnumerateArray().Single(c => c.GetProperty("userName").GetString() == "expert1").GetProperty("profileId").GetGuid();
        var appointed = await moderator.PostAsJsonAsync($"/api/cases/{CaseId}/council", new { profileId = profile, role = "chair" });
        appointed.EnsureSuccessStatusCode();
        CaseMemberId = (await appointed.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<HttpClient> Signed(string userName)
    {
        var client = CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateClient().TokenAsync(userName, DemoPassword));
        return client;
    }

    private static async Task<Guid> NewConsultation(HttpClient moderator, string title, string slug, bool open = true)
    {
        var now = DateTimeOffset.UtcNow;
        var created = await moderator.PostAsJsonAsync("/api/consultations", new
        {
            title, summary = "Tóm tắt", draftingAgency = "Sở KH&CN", fields = new[] { "y tế" }, audience = "public",
            documentType = "policy", opensAt = now, closesAt = now.AddDays(30), slug,
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        (await moderator.PostAsJsonAsync($"/api/consultations/{id}/versions", new { markdown = Samples.Legal })).EnsureSuccessStatusCode();
        if (open) (await moderator.PostAsync($"/api/consultations/{id}/open", null)).EnsureSuccessStatusCode();
        return id;
    }

    private async Task<Guid> Submit(HttpClient author, string attribution)
    {
        var feedback = await author.PostAsJsonAsync($"/api/consultations/{ConsultationId}/feedback", new
        {
            sectionAnchor = (string?)null, stance = "amend", proposedText = "Sửa thành: …", rationale = "Cần lộ trình cụ thể.", attribution,
        });
        feedback.EnsureSuccessStatusCode();
        return (await feedback.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> StartedSession(HttpClient moderator, Guid consultation, string title)
    {
        var session = await moderator.PostAsJsonAsync($"/api/consultations/{consultation}/sessions", new { title, startsAt = DateTimeOffset.UtcNow });
        session.EnsureSuccessStatusCode();
        var id = (await session.JsonAsync()).GetProperty("id").GetGuid();
        (await moderator.PostAsync($"/api/sessions/{id}/start", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>An API client for the caller: bearer token of its account, none for anonymous.</summary>
    public HttpClient Client(Who who)
    {
        var client = CreateClient(new() { AllowAutoRedirect = false });
        if (tokens.GetValueOrDefault(who) is { } token) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A browser for the caller: cookies kept, signed in once through the login page (not per request, so sign-in
    /// limits are never reached), no redirects followed.
    /// </summary>
    public async Task<HttpClient> Browser(Who who)
    {
        if (browsers.TryGetValue(who, out var known)) return known;
        var browser = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (Callers[who] is { } userName)
        {
            var form = await browser.GetStringAsync("/account/login");
            var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName, ["Password"] = DemoPassword, ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(form),
            }));
            if (login.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Cookie sign-in as {userName}: {login.StatusCode}");
        }
        return browsers[who] = browser;
    }

    /// <summary>A started hub connection as the caller (WebSockets through the test server, token in the query as browsers send it).</summary>
    public Task<HubConnection> Hub(string path, Who who) => Hub(path, tokens.GetValueOrDefault(who));

    private async Task<HubConnection> Hub(string path, string? token)
    {
        var address = new Uri(Server.BaseAddress, token is not null ? $"{path}?access_token={Uri.EscapeDataString(token)}" : path);
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

/// <summary>
/// A SignalR client that speaks the JSON protocol over a raw WebSocket and keeps every frame it receives as text,
/// so a test searches exactly what went over the wire (typed clients would drop fields they do not know).
/// </summary>
public sealed class RawHub : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly WebSocket socket;
    private readonly StringBuilder received = new();
    private readonly Decoder decoder = Encoding.UTF8.GetDecoder();
    private readonly Task reading;
    private readonly CancellationTokenSource stop = new();
    private int invocations;

    private RawHub(WebSocket socket)
    {
        this.socket = socket;
        reading = Task.Run(Read);
    }

    public static async Task<RawHub> Connect(TestServer server, string path, string? token)
    {
        var address = new UriBuilder(new Uri(server.BaseAddress, token is null ? path : $"{path}?access_token={Uri.EscapeDataString(token)}")) { Scheme = "ws" };
        var hub = new RawHub(await server.CreateWebSocketClient().ConnectAsync(address.Uri, CancellationToken.None));
        await hub.Send("{\"protocol\":\"json\",\"version\":1}");
        await hub.WaitFor("{}" + Separator);
        return hub;
    }

    public string Text
    {
        get { lock (received) return received.ToString(); }
    }

    /// <summary>Sends an invocation (ids 1, 2, … in order); its answer arrives as a completion frame in <see cref="Text"/>.</summary>
    public Task Invoke(string target, params object?[] arguments) => Send(JsonSerializer.Serialize(new
    {
        type = 1, invocationId = (++invocations).ToString(System.Globalization.CultureInfo.InvariantCulture), target, arguments,
    }));

    /// <summary>Waits (generously) until every one of <paramref name="texts"/> has been received.</summary>
    public async Task WaitFor(params string[] texts)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!texts.All(Text.Contains))
        {
            if (timeout.IsCancellationRequested || reading.IsCompleted)
                throw new TimeoutException($"Never received {string.Join(", ", texts)}; got: {Text}");
            await Task.Delay(20);
        }
    }

    private Task Send(string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + Separator), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private async Task Read()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                // A frame may end inside a character: the decoder keeps the partial bytes for the next one.
                var chars = new char[Encoding.UTF8.GetMaxCharCount(result.Count)];
                var count = decoder.GetChars(buffer, 0, result.Count, chars, 0);
                lock (received) received.Append(chars, 0, count);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // Closed by either side: what was received is kept.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading;
        socket.Dispose();
        stop.Dispose();
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Shell;

/// <summary>
/// The app on Kestrel with <see cref="Payloads"/> written, through the real API and hub, into every field a user
/// can fill: a consultation's title, summary, agency and two draft versions; expert1's profile, named feedback
/// (rationale, proposed text, reference) and survey answer; expert2's anonymous feedback, hidden by the moderator
/// with a payload reason and reported with one; an official's published response; the critique report; the survey's
/// questions; a live session's title, question, answer, chat message and poll.
/// </summary>
public sealed class InjectionApp : ConsultationApp, IAsyncLifetime
{
    public const string Slug = "tiem-ma-doc";

    public InjectionApp()
    {
        UseKestrel(0);
        StartServer();
        Root = Browser.AddressOf(Services);
    }

    public Uri Root { get; }
    public Guid ConsultationId { get; private set; }
    public Guid SessionId { get; private set; }
    private string anchor = "";

    public async Task InitializeAsync()
    {
        var moderator = await Api("moderator");
        var expert1 = await Api("expert1");
        var expert2 = await Api("expert2");
        var official = await Api("official");
        var now = DateTimeOffset.UtcNow;

        var created = await Ok(moderator.PostAsJsonAsync("/api/consultations", new
        {
            title = Payloads.Short, summary = Payloads.Long, draftingAgency = Payloads.Short, fields = new[] { "y tế" }, audience = "public",
            documentType = "policy", opensAt = now, closesAt = now.AddDays(30), slug = Slug,
        }));
        ConsultationId = created.GetProperty("id").GetGuid();
        var version = await Ok(moderator.PostAsJsonAsync($"/api/consultations/{ConsultationId}/versions", new { markdown = Payloads.Draft() }));
        anchor = version.GetProperty("sections").EnumerateArray().Last().GetProperty("anchor").GetString()!;
        await Ok(moderator.PostAsJsonAsync($"/api/consultations/{ConsultationId}/versions", new { markdown = Payloads.Draft(Payloads.Long), changeNote = Payloads.Long }));
        await Ok(moderator.PostAsync($"/api/consultations/{ConsultationId}/open", null));

        await Ok(moderator.PutAsJsonAsync($"/api/consultations/{ConsultationId}/survey", new
        {
            questions = new object[]
            {
                new { id = "y-kien", kind = "text", text = Payloads.Long, required = true },
                new { id = "chon", kind = "single", text = Payloads.Short, options = new[] { Payloads.Short, "khác" }, required = true },
            },
        }));
        await Ok(expert1.PutAsJsonAsync("/api/me/profile", new
        {
            fullName = Payloads.Short, academicTitle = "pgs", degree = "ts", fields = new[] { "y tế" }, specialty = Payloads.Short,
            organisation = Payloads.Short, inProvince = true, consentToAppearByName = true,
        }));
        await Ok(expert1.PostAsJsonAsync($"/api/consultations/{ConsultationId}/survey/responses", new
        {
            answers = new Dictionary<string, object> { ["y-kien"] = Payloads.Long, ["chon"] = 0 },
        }));

        var named = await Submit(expert1, "named");
        var anonymous = await Submit(expert2, "anonymous");
        var hidden = await Submit(expert2, "anonymous");
        await Ok(expert1.PostAsJsonAsync($"/api/feedback/{anonymous}/reports", new { reason = Payloads.Long }));
        await Ok(moderator.PostAsJsonAsync($"/api/feedback/{hidden}/moderation", new { action = "hide", category = "other", reason = Payloads.Long }));

        SessionId = (await Ok(moderator.PostAsJsonAsync($"/api/consultations/{ConsultationId}/sessions", new { title = Payloads.Short, startsAt = now })))
            .GetProperty("id").GetGuid();
        await Ok(moderator.PostAsync($"/api/sessions/{SessionId}/start", null));
        await using var expertHub = await Hub("expert1");
        await using var moderatorHub = await Hub("moderator");
        await moderatorHub.InvokeAsync<JsonElement>("Join", SessionId);
        await expertHub.InvokeAsync<JsonElement>("Join", SessionId);
        await expertHub.InvokeAsync<long>("Ask", SessionId, Payloads.Within(300));
        await expertHub.InvokeAsync<long>("Say", SessionId, Payloads.Within(300));
        var question = (await moderatorHub.InvokeAsync<JsonElement>("Join", SessionId)).GetProperty("questions").EnumerateArray().Single().GetProperty("id").GetGuid();
        await moderatorHub.InvokeAsync<long>("Answer", SessionId, question, Payloads.Within(300));
        await moderatorHub.InvokeAsync<long>("OpenPoll", SessionId, Payloads.Short, new[] { Payloads.Short, "khác" }, false);

        // Officials answer once the consultation has closed.
        await Ok(moderator.PostAsync($"/api/consultations/{ConsultationId}/close", null));
        await Ok(official.PostAsJsonAsync($"/api/feedback/{named}/response", new { decision = "partially-accepted", explanation = Payloads.Long }));
        await Ok(official.PostAsJsonAsync($"/api/feedback/{anonymous}/response", new { decision = "noted", explanation = Payloads.Long }));
        await Ok(official.PostAsync($"/api/consultations/{ConsultationId}/responses/publish", null));
        await Ok(moderator.PutAsJsonAsync($"/api/consultations/{ConsultationId}/critique", new
        {
            strengths = new[] { new { text = Payloads.Long, itemIds = new[] { named } } },
            shortcomings = new[] { new { text = Payloads.Long, itemIds = new[] { anonymous } } },
            recommendations = new[] { new { addressee = Payloads.Short, text = Payloads.Long, itemIds = Array.Empty<Guid>() } },
        }));
    }

    private async Task<Guid> Submit(HttpClient expert, string attribution) =>
        (await Ok(expert.PostAsJsonAsync($"/api/consultations/{ConsultationId}/feedback", new
        {
            sectionAnchor = anchor, stance = "amend", proposedText = Payloads.Long, rationale = Payloads.Long,
            references = new[] { new { title = Payloads.Short, url = "https://example.vn/?q=%3Cscript%3E__xss(1)%3C/script%3E" } }, attribution,
        }))).GetProperty("id").GetGuid();

    /// <summary>The answer's JSON body, after failing the set-up with its body when it is not a success.</summary>
    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : default;
    }

    private async Task<HttpClient> Api(string userName)
    {
        var client = new HttpClient { BaseAddress = Root };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync(userName, DemoPassword));
        return client;
    }

    private async Task<HubConnection> Hub(string userName)
    {
        var token = await new HttpClient { BaseAddress = Root }.TokenAsync(userName, DemoPassword);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Root, "/hubs/dialogue"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}

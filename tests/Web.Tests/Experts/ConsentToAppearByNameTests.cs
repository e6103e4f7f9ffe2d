using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Experts;

/// <summary>
/// An expert whose profile does not consent to appearing by name is shown as "Chuyên gia (lĩnh vực …)" to the
/// public, officials, reports and live sessions; moderators still see who it is; a later change of consent
/// changes how existing items are presented, without rewriting what was submitted.
/// </summary>
public sealed class ConsentToAppearByNameTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private const string Unnamed = "Chuyên gia (lĩnh vực y tế)";

    private async Task<HttpClient> ExpertWithProfile(string userName, bool appearByName)
    {
        var expert = await app.As(await app.Expert(userName));
        (await expert.PutAsJsonAsync("/api/me/profile", new
        {
            fullName = $"Trịnh Văn {userName}", academicTitle = "none", degree = "ths", fields = new[] { "y tế" },
            consentToContact = true, consentToAppearByName = appearByName,
        })).EnsureSuccessStatusCode();
        return expert;
    }

    private static Task<HttpResponseMessage> Consent(HttpClient expert, bool appearByName) =>
        expert.PutAsJsonAsync("/api/me/profile", new
        {
            fullName = "Trịnh Văn Kín", academicTitle = "none", degree = "ths", fields = new[] { "y tế" }, consentToAppearByName = appearByName,
        });

    private async Task<JsonElement> OnlyItem(string? reader, Guid consultation) =>
        (await (await (await app.As(reader)).GetAsync($"/api/consultations/{consultation}/feedback")).JsonAsync())[0];

    [Fact]
    public async Task Without_consent_named_feedback_shows_the_field_not_the_person_except_to_moderators_and_follows_a_later_change()
    {
        var (id, sections) = await app.Consultation();
        var expert = await ExpertWithProfile("kin", appearByName: false);
        (await expert.PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor))).EnsureSuccessStatusCode();

        foreach (var reader in new string?[] { null, "expert1", "official" })
        {
            var item = await OnlyItem(reader, id);
            Assert.Equal(Unnamed, item.GetProperty("authorName").GetString());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("author").ValueKind);
            Assert.DoesNotContain("kin", item.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
        var asModerator = await OnlyItem("moderator", id);
        Assert.Equal("kin", asModerator.GetProperty("author").GetProperty("userName").GetString());

        var report = await (await app.As("official")).GetStringAsync($"/api/consultations/{id}/report.csv");
        Assert.Contains(Unnamed, report);
        Assert.DoesNotContain("Chuyên gia kin", report);

        // Consent given: from now on the item names its author; withdrawn again: unnamed again. The submission stays as it was.
        (await Consent(expert, appearByName: true)).EnsureSuccessStatusCode();
        var named = await OnlyItem(null, id);
        Assert.Equal("Chuyên gia kin", named.GetProperty("authorName").GetString());
        (await Consent(expert, appearByName: false)).EnsureSuccessStatusCode();
        var unnamed = await OnlyItem(null, id);
        Assert.Equal(Unnamed, unnamed.GetProperty("authorName").GetString());

        var history = await (await app.As("moderator")).GetFromJsonAsync<JsonElement>($"/api/feedback/{unnamed.GetProperty("id").GetGuid()}/history");
        var kinds = history.EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Equal(["submitted", "author-name-consent-changed", "author-name-consent-changed"], kinds);

        // The author can still revise with the version they now read (the consent events moved it on).
        var revised = new HttpRequestMessage(HttpMethod.Put, $"/api/feedback/{unnamed.GetProperty("id").GetGuid()}")
        {
            Content = JsonContent.Create(FeedbackFixture.Feedback(sections[0].Anchor, rationale: "Bổ sung lộ trình.")),
        };
        revised.Headers.TryAddWithoutValidation("If-Match", $"\"{unnamed.GetProperty("version").GetInt64()}\"");
        var answer = await expert.SendAsync(revised);
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task In_a_live_session_an_expert_without_consent_speaks_under_their_field()
    {
        var (id, _) = await app.Consultation();
        await ExpertWithProfile("kin-live", appearByName: false);
        var moderator = await app.As("moderator");
        var created = await moderator.PostAsJsonAsync($"/api/consultations/{id}/sessions", new { title = "Tọa đàm", startsAt = DateTimeOffset.UtcNow });
        created.EnsureSuccessStatusCode();
        var session = (await created.JsonAsync()).GetProperty("id").GetGuid();
        (await moderator.PostAsync($"/api/sessions/{session}/start", null)).EnsureSuccessStatusCode();

        var token = app.TokenOf("kin-live");
        await using var room = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/dialogue"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.WebSocketFactory = async (context, cancellation) =>
                {
                    var client = app.Server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
                    return await client.ConnectAsync(context.Uri, cancellation);
                };
            })
            .Build();
        await room.StartAsync();
        await room.InvokeAsync<JsonElement>("Join", session);
        await room.InvokeAsync<long>("Say", session, "Xin chào cả phòng.");

        var transcript = await (await moderator.GetAsync($"/api/sessions/{session}/transcript")).Content.ReadAsStringAsync();
        Assert.Contains(Unnamed, transcript);
        Assert.DoesNotContain("Chuyên gia kin-live", transcript);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Nq45Consult.Consultation.Drafts.Consultations;

namespace Nq45Consult.Web.Tests.Notifications;

/// <summary>The bell over a real SignalR connection, and the in-app notification routes.</summary>
public class InAppTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private ConsultationCommands Commands => app.Commands;

    private static async Task WaitUntil(Func<bool> condition)
    {
        while (!condition()) await Task.Delay(20);
    }

    private Task<HubConnection> Bell(string user, Action<JsonElement> onChanged) =>
        app.NotificationsHub(user, connection => connection.On("notificationsChanged", onChanged));

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task The_bell_count_goes_up_live_when_an_invitation_arrives_and_down_when_all_are_read()
    {
        var expert = await app.As("expert3");
        (await expert.PostAsync("/api/me/notifications/read-all", null)).EnsureSuccessStatusCode();
        var pushes = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
        var foreign = 0;
        await using var bell = await Bell("expert3", e => pushes.Writer.TryWrite(e));
        await using var other = await Bell("expert1", _ => Interlocked.Increment(ref foreign));
        // On connecting, each bell is sent its count once it joined its group: nothing after is missed.
        Assert.Equal(0, (await pushes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15))).GetProperty("unread").GetInt32());
        await WaitUntil(() => Volatile.Read(ref foreign) == 1).WaitAsync(TimeSpan.FromSeconds(15));

        var (id, _) = await app.Consultation(open: false);
        Assert.True((await Commands.Invite(id, ["expert3"], "moderator")).Decision!.Accepted);

        var arrived = await pushes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(1, arrived.GetProperty("unread").GetInt32());
        var notification = Assert.Single(arrived.GetProperty("arrived").EnumerateArray());
        Assert.Equal("invitation", notification.GetProperty("kind").GetString());
        Assert.StartsWith("Lời mời góp ý", notification.GetProperty("title").GetString());
        Assert.Equal(1, Volatile.Read(ref foreign));

        (await expert.PostAsync("/api/me/notifications/read-all", null)).EnsureSuccessStatusCode();
        var read = await pushes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(0, read.GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task The_routes_list_mark_read_and_refuse_other_peoples_notifications()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).GetAsync("/api/me/notifications")).StatusCode);
        var (id, _) = await app.Consultation(open: false);
        Assert.True((await Commands.Invite(id, ["expert1", "expert2"], "moderator")).Decision!.Accepted);
        var link = Consultation.Notifications.NotificationTexts.ConsultationLink((await app.Details(id)).Slug);

        var expert = await app.As("expert1");
        var list = await Json(await expert.GetAsync("/api/me/notifications"));
        var unread = list.GetProperty("unread").GetInt32();
        var mine = list.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("link").GetString() == link);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("readAt").ValueKind);
        var theirs = (await app.About(link)).Single(f => f.Notification.Recipient == "EXPERT2").Notification.Id;

        Assert.Equal(HttpStatusCode.NotFound, (await expert.PostAsync($"/api/me/notifications/{theirs}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.PostAsync($"/api/me/notifications/{Guid.NewGuid()}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await expert.PostAsync($"/api/me/notifications/{mine.GetProperty("id").GetGuid()}/read", null)).StatusCode);

        list = await Json(await expert.GetAsync("/api/me/notifications"));
        Assert.Equal(unread - 1, list.GetProperty("unread").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, list.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("link").GetString() == link).GetProperty("readAt").ValueKind);
        Assert.Null((await app.About(link)).Single(f => f.Notification.Recipient == "EXPERT2").Notification.ReadAt);

        var all = await Json(await expert.PostAsync("/api/me/notifications/read-all", null));
        Assert.Equal((unread - 1, 0), (all.GetProperty("marked").GetInt32(), all.GetProperty("unread").GetInt32()));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_notification_routes()
    {
        var document = await (await app.As(null)).GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/api/me/notifications", "/api/me/notifications/{id}/read", "/api/me/notifications/read-all", "/api/me/notification-preferences" })
            Assert.Contains($"\"{route}\"", document);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Tests.Consultations;

namespace Nq45Consult.Web.Tests.Notifications;

/// <summary>The bell over a real SignalR connection, and the in-app notification routes.</summary>
public class InAppTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private ConsultationSteps Commands => app.Commands;

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

        // The read-all above is pushed off the request too, and may reach the new bell after its first count: the
        // invitation's push is the first that carries what arrived.
        JsonElement arrived;
        do arrived = await pushes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        while (arrived.GetProperty("arrived").GetArrayLength() == 0);
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
    public async Task The_inbox_pages_through_every_notification_newest_first_and_refuses_a_cursor_that_is_not_yours()
    {
        var store = app.Services.GetRequiredService<Marten.IDocumentStore>();
        async Task<int> Held(string recipient)
        {
            await using var query = store.QuerySession();
            return await Marten.QueryableExtensions.CountAsync(query.Query<Consultation.Notifications.Notification>().Where(n => n.Recipient == recipient));
        }
        var wanted = await Held("EXPERT2") + Consultation.Notifications.NotificationInbox.PageSize + 5;
        while (await Held("EXPERT2") < wanted)
        {
            var (id, _) = await app.Consultation("public", open: false, withDraft: false);
            Assert.True((await Commands.Invite(id, ["expert2"], "moderator")).Decision!.Accepted);
        }
        var held = await Held("EXPERT2");

        var expert = await app.As("expert2");
        var seen = new List<JsonElement>();
        string? before = null;
        do
        {
            var page = await Json(await expert.GetAsync($"/api/me/notifications{(before is null ? "" : $"?before={before}")}"));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, Consultation.Notifications.NotificationInbox.PageSize);
            seen.AddRange(items);
            before = page.GetProperty("older").ValueKind == JsonValueKind.Null ? null : page.GetProperty("older").GetString();
            if (before is not null) Assert.Equal(items[^1].GetProperty("id").GetString(), before);
        }
        while (before is not null);

        Assert.Equal(held, seen.Count);
        Assert.Equal(held, seen.Select(n => n.GetProperty("id").GetGuid()).Distinct().Count());
        var order = seen.Select(n => (n.GetProperty("createdAt").GetDateTimeOffset(), n.GetProperty("id").GetGuid())).ToList();
        // Newest first; ties on the time keep the server's id order (PostgreSQL's uuid order, not Guid.CompareTo's).
        Assert.Equal(order.OrderByDescending(o => o.Item1), order);

        var (other, _) = await app.Consultation("public", open: false, withDraft: false);
        Assert.True((await Commands.Invite(other, ["expert1"], "moderator")).Decision!.Accepted);
        var someoneElses = (await Json(await (await app.As("expert1")).GetAsync("/api/me/notifications"))).GetProperty("items")[0].GetProperty("id").GetGuid();
        foreach (var cursor in new[] { someoneElses, Guid.NewGuid() })
        {
            var refused = await expert.GetAsync($"/api/me/notifications?before={cursor}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await Json(refused)).GetProperty("errors").TryGetProperty("before", out _));
        }
    }

    [Fact]
    public async Task The_openapi_document_lists_the_notification_routes()
    {
        var document = await (await app.As(null)).GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/api/me/notifications", "/api/me/notifications/{id}/read", "/api/me/notifications/read-all", "/api/me/notification-preferences" })
            Assert.Contains($"\"{route}\"", document);
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Consultation.Notifications.Reminders;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Recommendations;

/// <summary>The app on a clock the test moves, with a three-day answer deadline and no background reminder round.</summary>
public sealed class RecommendationClockApp : FeedbackFixture
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Recommendations:AnswerDays", "3");
        builder.UseSetting("Notifications:ReminderCheckInterval", "1.00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public class RecommendationDeadlineTests(RecommendationClockApp app) : IClassFixture<RecommendationClockApp>
{
    [Fact]
    public async Task A_recommendation_unanswered_past_its_deadline_is_flagged_and_its_agencys_officials_are_reminded_once()
    {
        var created = await (await app.As("expert1")).PostAsJsonAsync("/api/recommendations", new { topic = "Hạ tầng dữ liệu", fields = Array.Empty<string>(), text = "Cần chuẩn dữ liệu chung.", attribution = "named" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var elsewhere = await app.OfficialOf("canbo-khac", await app.Agency("Sở Thông tin và Truyền thông"));
        (await (await app.As("moderator")).PostAsJsonAsync($"/api/recommendations/{id}/routing", new { agencyId = await app.DemoAgency() })).EnsureSuccessStatusCode();
        var reminders = app.Services.GetRequiredService<OverdueRecommendations>();
        Assert.DoesNotContain(id, await reminders.RemindDue());
        Assert.False(await Overdue(id));

        app.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));

        Assert.True(await Overdue(id));
        Assert.Contains(id, await reminders.RemindDue());
        Assert.DoesNotContain(id, await reminders.RemindDue());
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var sent = await session.Query<Notification>().Where(n => n.Kind == NotificationKind.RecommendationOverdue).ToListAsync();
        Assert.Contains("OFFICIAL", sent.Select(n => n.Recipient));
        Assert.Contains("MODERATOR", sent.Select(n => n.Recipient));
        Assert.DoesNotContain("EXPERT1", sent.Select(n => n.Recipient));
        // Only the officials of the agency it was routed to.
        Assert.DoesNotContain(elsewhere.ToUpperInvariant(), sent.Select(n => n.Recipient));
        Assert.Equal(sent.Count, sent.Select(n => n.Recipient).Distinct().Count());
        Assert.All(sent, n => Assert.Equal($"/recommendations#recommendation-{id}", n.Link));
        // Each reminder is also an e-mail in the outbox, one per recipient, queued with it.
        var emails = await session.Query<EmailOutboxEntry>().Where(e => e.Kind == NotificationKind.RecommendationOverdue).ToListAsync();
        Assert.Equal(sent.Select(n => (n.Id, n.Recipient)).Order(), emails.Select(e => (e.Id, e.Recipient)).Order());

        // The list filtered to the overdue ones holds it, and no longer once it is answered.
        Assert.Contains(id, await Listed("?status=overdue"));
        Assert.Contains(id, await Listed("?status=routed"));
        (await (await app.As("official")).PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Đã ban hành chuẩn dữ liệu." })).EnsureSuccessStatusCode();
        Assert.DoesNotContain(id, await Listed("?status=overdue"));
        Assert.Contains(id, await Listed("?status=answered"));
    }

    private async Task<IReadOnlyList<Guid>> Listed(string query) =>
        [.. ((await (await app.As(null)).GetFromJsonAsync<JsonElement[]>("/api/recommendations" + query)) ?? []).Select(r => r.GetProperty("id").GetGuid())];

    private async Task<bool> Overdue(Guid id)
    {
        var list = await (await app.As(null)).GetFromJsonAsync<JsonElement[]>("/api/recommendations") ?? [];
        return list.Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("overdue").GetBoolean();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    public void An_answer_deadline_out_of_range_stops_start_up_naming_its_key(string days)
    {
        using var bad = new AppWithSettings(new Dictionary<string, string?> { ["Recommendations:AnswerDays"] = days });

        var error = Record.Exception(() => bad.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Recommendations:AnswerDays", error.ToString());
    }
}

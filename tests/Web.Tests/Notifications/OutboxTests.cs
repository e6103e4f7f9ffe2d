using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Consultation.Notifications.Reminders;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Consultations;

namespace Nq45Consult.Web.Tests.Notifications;

/// <summary>Each cause writes exactly one notification and one pending e-mail per recipient, in its own transaction.</summary>
public class OutboxTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private ConsultationSteps Commands => app.Commands;

    [Fact]
    public async Task An_invitation_notifies_each_invited_expert_once_and_a_refused_or_repeated_one_adds_nothing()
    {
        var (id, _) = await app.Consultation(open: false);
        var link = NotificationTexts.ConsultationLink((await app.Details(id)).Slug);

        Assert.True((await Commands.Invite(id, ["expert1", "Expert2"], "moderator")).Decision!.Accepted);
        Assert.True((await Commands.Invite(id, ["expert1"], "moderator")).Decision!.Accepted);
        Assert.False((await Commands.Invite(id, ["expert3", "nobody-here"], "moderator")).Decision!.Accepted);

        var found = await app.About(link);
        Assert.Equal(["EXPERT1", "EXPERT2"], NotificationsApp.Recipients(found));
        Assert.All(found, f =>
        {
            Assert.Equal(NotificationKind.Invitation, f.Notification.Kind);
            Assert.Contains("Lời mời góp ý", f.Notification.Title);
            Assert.Equal(EmailStatus.Pending, f.Email.Status);
            Assert.Equal(f.Notification.Recipient, f.Email.Recipient);
            Assert.InRange(f.Notification.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        });
    }

    [Fact]
    public async Task A_transaction_that_rolls_back_leaves_no_notification()
    {
        var (id, _) = await app.Consultation(open: false);
        var link = NotificationTexts.ConsultationLink((await app.Details(id)).Slug);
        await using (var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            // A stale expected version: the append is refused at commit, after the listener queued its notifications.
            session.Events.Append(id, 1, new ExpertsInvited(id, ["expert1"], "moderator", DateTimeOffset.UtcNow));
            await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        }
        Assert.Empty(await app.About(link));
    }

    [Fact]
    public async Task Opening_a_public_consultation_notifies_its_invited_experts_and_those_in_its_field_who_consented()
    {
        // The fixture's consultations are public, in the field "y tế": expert2's field, with consent to be contacted.
        var (id, _) = await app.Consultation("public", true, "expert3");
        var found = await app.About(NotificationTexts.ConsultationLink((await app.Details(id)).Slug), NotificationKind.ConsultationOpened);
        Assert.Equal(["EXPERT2", "EXPERT3"], NotificationsApp.Recipients(found));
    }

    [Fact]
    public async Task A_live_session_starting_notifies_the_invited_and_those_who_gave_feedback_but_not_the_moderator()
    {
        var (id, sections) = await app.Consultation("invited", true, "expert1", "expert3");
        (await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor))).EnsureSuccessStatusCode();
        var moderator = await app.As("moderator");
        var created = await moderator.PostAsJsonAsync($"/api/consultations/{id}/sessions", new { title = "Đối thoại về y tế số", startsAt = DateTimeOffset.UtcNow });
        var session = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/sessions/{session}/start", null)).StatusCode);

        var found = await app.About($"/sessions/{session}");
        Assert.Equal(["EXPERT1", "EXPERT3"], NotificationsApp.Recipients(found));
        Assert.All(found, f => Assert.Contains("Đối thoại về y tế số", f.Notification.Title));
    }

    [Fact]
    public async Task Hiding_and_restoring_an_item_tell_its_author_why()
    {
        var (id, sections) = await app.Consultation();
        var item = (await (await (await app.As("expert3")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor)))
            .Content.ReadFromJsonAsync<Created>())!.Id;
        var moderator = await app.As("moderator");
        (await moderator.PostAsJsonAsync($"/api/feedback/{item}/moderation", new { action = "hide", category = "personal-data", reason = "Lộ số điện thoại" })).EnsureSuccessStatusCode();
        (await moderator.PostAsJsonAsync($"/api/feedback/{item}/moderation", new { action = "restore", category = "other", reason = "Đã che số" })).EnsureSuccessStatusCode();

        var found = (await app.About($"/me/feedback#item-{item}")).OrderBy(f => f.Notification.Id).ToList();
        Assert.Equal([NotificationKind.ItemHidden, NotificationKind.ItemRestored], found.Select(f => f.Notification.Kind));
        Assert.All(found, f => Assert.Equal("EXPERT3", f.Notification.Recipient));
        Assert.Contains("Lý do: Lộ số điện thoại", found[0].Notification.Body);
        Assert.Contains("Lý do: Đã che số", found[1].Notification.Body);
    }

    [Fact]
    public async Task Publishing_responses_notifies_each_answered_author_once_with_how_many_items()
    {
        var (id, sections) = await app.Consultation();
        async Task<Guid> Submit(string user) =>
            (await (await (await app.As(user)).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor)))
                .Content.ReadFromJsonAsync<Created>())!.Id;
        var answered = new[] { await Submit("expert1"), await Submit("expert1"), await Submit("expert2") };
        await Submit("expert3"); // not answered: not notified
        await app.Close(id);
        var official = await app.As("official");
        foreach (var item in answered)
            (await official.PostAsJsonAsync($"/api/feedback/{item}/response", new { decision = "accepted", explanation = "Đã tiếp thu." })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsync($"/api/consultations/{id}/responses/publish", null)).StatusCode);

        var found = await app.About(NotificationTexts.ConsultationLink((await app.Details(id)).Slug), NotificationKind.ResponsePublished);
        Assert.Equal(["EXPERT1", "EXPERT2"], NotificationsApp.Recipients(found));
        Assert.Contains("cho 2 góp ý của bạn", found.Single(f => f.Notification.Recipient == "EXPERT1").Notification.Body);
    }

    [Fact]
    public async Task A_consultation_in_its_last_three_days_is_reminded_once()
    {
        var now = DateTimeOffset.UtcNow;
        var created = await Commands.Create(null, new ConsultationDetailsInput(
            $"Sắp đóng {Guid.NewGuid():N}", "Tóm tắt", "Sở Y tế", "plan", ["y tế"], "invited", now.AddDays(-10), now.AddDays(2)), "moderator");
        var id = created.Consultation!.Id;
        await Commands.PublishVersion(id, FeedbackFixture.Markdown, null, "moderator");
        await Commands.Invite(id, ["expert1"], "moderator");
        await Commands.Open(id, "moderator");
        var reminders = app.Services.GetRequiredService<ClosingReminders>();

        Assert.Contains(id, await reminders.RemindDue());
        Assert.DoesNotContain(id, await reminders.RemindDue());

        var found = await app.About(NotificationTexts.ConsultationLink(created.Consultation.Slug), NotificationKind.ConsultationClosingSoon);
        Assert.Equal(["EXPERT1"], NotificationsApp.Recipients(found));
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Consultation.Notifications.Preferences;
using Nq45Consult.Consultation.Notifications.Reading;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Notifications;

/// <summary>The caller's notifications and e-mail choices: translation only.</summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/me/notifications").WithTags("Notifications").RequireAuthorization();
        inbox.MapGet("/", List).WithName("MyNotifications")
            .WithSummary($"The caller's notifications, newest first, {NotificationInbox.PageSize} at a time (?before= the previous page's older), and the unread count.");
        inbox.MapPost("/{id:guid}/read", Read).WithName("MarkNotificationRead").WithSummary("Marks one of the caller's notifications read.");
        inbox.MapPost("/read-all", ReadAll).WithName("MarkAllNotificationsRead").WithSummary("Marks every unread notification of the caller read.");

        var preferences = app.MapGroup("/api/me/notification-preferences").WithTags("Notifications").RequireAuthorization();
        preferences.MapGet("/", Preferences).WithName("MyNotificationPreferences").WithSummary("Which kinds of notification the caller receives by e-mail.");
        preferences.MapPut("/", SetPreferences).WithName("SetNotificationPreferences")
            .WithSummary("Turns e-mail kinds off (emailOff lists them, kebab-case); in-app notifications always arrive.");
        return app;
    }

    private static string UserName(ClaimsPrincipal user) => CallerClaims.From(user)!.UserName;

    private static async Task<Results<Ok<NotificationList>, ValidationProblem>> List(
        Guid? before, ClaimsPrincipal user, NotificationInbox inbox, CancellationToken cancellation)
    {
        if (await inbox.Of(UserName(user), before, cancellation) is not { } page)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["before"] = [ApiText.Of("ApiNotificationNotFound")] });
        return TypedResults.Ok(new NotificationList(page.Unread, page.Items.Select(NotificationView.Of).ToList(), page.Older));
    }

    private static async Task<Results<NoContent, NotFound>> Read(
        Guid id, ClaimsPrincipal user, MarkNotificationReadHandler markRead, CancellationToken cancellation) =>
        (await markRead.Handle(new MarkNotificationRead(UserName(user), id), cancellation)).Accepted ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<ReadAllResult>> ReadAll(ClaimsPrincipal user, MarkAllNotificationsReadHandler markAllRead, CancellationToken cancellation)
    {
        var outcome = await markAllRead.Handle(new MarkAllNotificationsRead(UserName(user)), cancellation);
        return TypedResults.Ok(new ReadAllResult(outcome.Marked, outcome.Unread));
    }

    private static async Task<Ok<PreferencesView>> Preferences(
        ClaimsPrincipal user, PreferenceQueries preferences, IOptions<SmtpOptions> smtp, CancellationToken cancellation) =>
        TypedResults.Ok(PreferencesView.Of(await preferences.Of(UserName(user), cancellation), smtp.Value.Enabled));

    private static async Task<Results<Ok<PreferencesView>, ValidationProblem>> SetPreferences(
        PreferencesRequest? request, ClaimsPrincipal user, SetEmailPreferencesHandler set, IOptions<SmtpOptions> smtp, CancellationToken cancellation)
    {
        var outcome = await set.Handle(new SetEmailPreferences(UserName(user), request?.EmailOff), cancellation);
        return outcome.Preferences is { } saved
            ? TypedResults.Ok(PreferencesView.Of(saved, smtp.Value.Enabled))
            : TypedResults.ValidationProblem(outcome.Decision.Errors);
    }
}

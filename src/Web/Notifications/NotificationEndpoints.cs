using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Consultation.Notifications.Preferences;
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
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["before"] = ["Không tìm thấy thông báo này trong hộp thư của bạn."] });
        return TypedResults.Ok(new NotificationList(page.Unread, page.Items.Select(NotificationView.Of).ToList(), page.Older));
    }

    private static async Task<Results<NoContent, NotFound>> Read(
        Guid id, ClaimsPrincipal user, NotificationInbox inbox, LiveNotifications live, CancellationToken cancellation)
    {
        if (!await inbox.MarkRead(UserName(user), id, cancellation)) return TypedResults.NotFound();
        live.Changed(UserName(user));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ReadAllResult>> ReadAll(ClaimsPrincipal user, NotificationInbox inbox, LiveNotifications live, CancellationToken cancellation)
    {
        var marked = await inbox.MarkAllRead(UserName(user), cancellation);
        live.Changed(UserName(user));
        return TypedResults.Ok(new ReadAllResult(marked, await inbox.UnreadCount(UserName(user), cancellation)));
    }

    private static async Task<Ok<PreferencesView>> Preferences(
        ClaimsPrincipal user, PreferenceCommands commands, IOptions<SmtpOptions> smtp, CancellationToken cancellation) =>
        TypedResults.Ok(PreferencesView.Of(await commands.Of(UserName(user), cancellation), smtp.Value.Enabled));

    private static async Task<Results<Ok<PreferencesView>, ValidationProblem>> SetPreferences(
        PreferencesRequest? request, ClaimsPrincipal user, PreferenceCommands commands, IOptions<SmtpOptions> smtp, CancellationToken cancellation)
    {
        if (request?.EmailOff is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["emailOff"] = ["Cần danh sách loại thông báo không nhận qua thư (có thể rỗng)."] });
        var (kinds, unknown) = NotificationPreferences.Parse(request.EmailOff);
        if (unknown.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["emailOff"] = [$"Loại thông báo không tồn tại: {string.Join(", ", unknown.Select(u => $"\"{u}\""))}. Các loại: {KebabCase.Names<NotificationKind>()}."],
            });
        return TypedResults.Ok(PreferencesView.Of(await commands.Set(UserName(user), kinds, cancellation), smtp.Value.Enabled));
    }
}

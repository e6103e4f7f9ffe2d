using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Consultation.Notifications.Preferences;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Notifications;

/// <summary>/notifications/preferences: which kinds of notification also come by e-mail (in-app ones always arrive).</summary>
[Authorize]
public sealed class PreferencesModel(PreferenceQueries preferences, SetEmailPreferencesHandler set, IOptions<SmtpOptions> smtp,
    IStringLocalizer<SharedResource> texts) : PageModel
{
    public static IReadOnlyList<NotificationKind> Kinds { get; } = [.. Enum.GetValues<NotificationKind>().Where(NotificationTexts.Optional)];

    public NotificationPreferences Current { get; private set; } = NotificationPreferences.Default("");

    public bool EmailEnabled => smtp.Value.Enabled;

    /// <summary>The kinds ticked: wanted by e-mail.</summary>
    [BindProperty]
    public List<NotificationKind> Email { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    private string UserName => CallerClaims.From(User)!.UserName;

    public async Task OnGetAsync(CancellationToken cancellation) => Current = await preferences.Of(UserName, cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        await set.Handle(new SetEmailPreferences(UserName, [.. Kinds.Except(Email).Select(kind => KebabCase.Name(kind))]), cancellation);
        Message = texts["PreferencesSaved"];
        return RedirectToPage();
    }
}

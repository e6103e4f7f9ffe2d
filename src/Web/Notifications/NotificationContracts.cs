using System.Text.Json;
using System.Text.Json.Serialization;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Preferences;

namespace Nq45Consult.Web.Notifications;

/// <summary>One notification as the API and the hub send it; <see cref="Kind"/> travels kebab-case (over the hub too,
/// whose JSON protocol does not share the HTTP options, hence the converter on the property).</summary>
public sealed record NotificationView(Guid Id, [property: JsonConverter(typeof(KebabKind))] NotificationKind Kind, string Title, string Body, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationView Of(Notification n) => new(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt);
}

/// <summary>A page of the inbox; <paramref name="Older"/>: pass it as <c>?before=</c> for the next page, null on the last.</summary>
public sealed record NotificationList(int Unread, IReadOnlyList<NotificationView> Items, Guid? Older);

public sealed record ReadAllResult(int Marked, int Unread);

/// <summary>E-mail choices: the kinds the person turned off; every kind, with its name, for a settings screen.</summary>
public sealed record PreferencesView(IReadOnlyList<NotificationKind> EmailOff, IReadOnlyList<KindView> Kinds, bool EmailEnabled)
{
    public static PreferencesView Of(NotificationPreferences preferences, bool emailEnabled) => new(
        preferences.EmailOff,
        Enum.GetValues<NotificationKind>().Where(NotificationTexts.Optional).Select(k => new KindView(k, NotificationTexts.KindName(k), preferences.WantsEmail(k))).ToList(),
        emailEnabled);
}

public sealed record KindView(NotificationKind Kind, string Name, bool Email);

/// <summary>The kinds to receive no e-mail for, kebab-case (e.g. <c>consultation-closing-soon</c>); every other kind is sent.</summary>
public sealed record PreferencesRequest(IReadOnlyList<string?>? EmailOff);

public sealed class KebabKind() : JsonStringEnumConverter<NotificationKind>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

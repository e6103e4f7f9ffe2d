using Nq45Consult.Consultation.Accounts.Preferences;

namespace Nq45Consult.Consultation.Notifications;

/// <summary>What a notification is about; each kind of e-mail can be turned off by its recipient.</summary>
public enum NotificationKind
{
    Invitation,
    ConsultationOpened,
    ConsultationClosingSoon,
    SessionStarted,
    ResponsePublished,
    ItemHidden,
    ItemRestored,
    RecommendationOverdue,
    AccountSecurity,
    SignUp,
    CaseCouncilInvitation,
    CaseDeclined,
    CaseReportSent,
}

/// <summary>
/// One in-app notification for one person (the bell and the notifications page). Written in the same transaction as
/// the event that caused it, together with its <see cref="EmailOutboxEntry"/>. Only its reader changes it (read or not).
/// </summary>
/// <param name="Recipient">The normalized user name (<see cref="Accounts.Account.Normalize"/>).</param>
/// <param name="Link">A site-relative address of what it is about, e.g. <c>/consultations/ke-hoach</c>.</param>
public sealed record Notification(
    Guid Id,
    string Recipient,
    NotificationKind Kind,
    string Title,
    string Body,
    string Link,
    DateTimeOffset CreatedAt)
{
    public DateTimeOffset? ReadAt { get; init; }

    /// <summary>The language its text is in, its recipient's (<see cref="Languages"/>); the e-mail around it is written in it too.</summary>
    public string Language { get; init; } = Languages.SiteDefault;

    public bool IsRead => ReadAt is not null;
}

/// <summary>
/// What a cause says about a notification before it is addressed to anyone: in Vietnamese, and in English for
/// recipients who chose it; each recipient's notification keeps only the text in their language.
/// </summary>
public sealed record Notice(NotificationKind Kind, string Title, string Body, string Link)
{
    public NoticeText? English { get; init; }

    public NoticeText In(string language) => Languages.IsEnglish(language) && English is { } english ? english : new(Title, Body);
}

public sealed record NoticeText(string Title, string Body);

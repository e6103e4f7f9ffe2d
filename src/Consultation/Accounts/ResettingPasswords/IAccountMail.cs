using Marten;

namespace Nq45Consult.Consultation.Accounts.ResettingPasswords;

/// <summary>
/// Queues the e-mails about a person's own account in the caller's unit of work, each in <c>language</c>
/// (<see cref="Preferences.Languages.For"/>). Accounts sit below Notifications (the outbox reads accounts), so the
/// outbox is reached through this port, implemented by Notifications.
/// </summary>
public interface IAccountMail
{
    /// <summary>The password reset link for <paramref name="account"/>, to its address.</summary>
    void PasswordResetLink(IDocumentSession session, Account account, string link, DateTimeOffset expiresAt, DateTimeOffset now, string language);

    /// <summary>The link that confirms <paramref name="newEmail"/> as the account's address, to that new address.</summary>
    void EmailChangeLink(IDocumentSession session, Account account, string newEmail, string link, DateTimeOffset expiresAt, DateTimeOffset now, string language);

    /// <summary>To the account's current address: a change to <paramref name="newEmail"/> was asked (if it was not the person, they should act).</summary>
    void EmailChangeNotice(IDocumentSession session, Account account, string newEmail, DateTimeOffset now, string language);
}

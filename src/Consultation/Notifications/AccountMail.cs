using Marten;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.ResettingPasswords;

namespace Nq45Consult.Consultation.Notifications;

/// <summary>
/// E-mails about a person's own account go to the account's address (not the expert profile's, which may differ or
/// lack consent): the address is the proof of who the person is.
/// </summary>
public sealed class AccountMail : IAccountMail
{
    public void PasswordResetLink(IDocumentSession session, Account account, string link, DateTimeOffset expiresAt, DateTimeOffset now, string language) =>
        NotificationOutbox.AddAddressed(session, NotificationTexts.PasswordResetLink(account.UserName, expiresAt, link), account.Email!, now, language);

    /// <summary>The one e-mail about an account sent elsewhere than its address: to the new address, which it proves.</summary>
    public void EmailChangeLink(
        IDocumentSession session, Account account, string newEmail, string link, DateTimeOffset expiresAt, DateTimeOffset now, string language) =>
        NotificationOutbox.AddAddressed(session, NotificationTexts.EmailChangeLink(account.UserName, newEmail, expiresAt, link), newEmail, now, language);

    public void EmailChangeNotice(IDocumentSession session, Account account, string newEmail, DateTimeOffset now, string language) =>
        NotificationOutbox.AddAddressed(session, NotificationTexts.EmailChangeNotice(account.UserName, newEmail, now), account.Email!, now, language);
}

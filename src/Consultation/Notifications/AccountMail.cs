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
    public void PasswordResetLink(IDocumentSession session, Account account, string link, DateTimeOffset expiresAt, DateTimeOffset now) =>
        NotificationOutbox.AddAddressed(session, NotificationTexts.PasswordResetLink(account.UserName, expiresAt, link), account.Email!, now);
}

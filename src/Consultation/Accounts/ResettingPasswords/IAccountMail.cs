using Marten;

namespace Nq45Consult.Consultation.Accounts.ResettingPasswords;

/// <summary>
/// Queues the e-mails about a person's own account in the caller's unit of work. Accounts sit below Notifications (the
/// outbox reads accounts), so the outbox is reached through this port, implemented by Notifications.
/// </summary>
public interface IAccountMail
{
    /// <summary>The password reset link for <paramref name="account"/>, to its address.</summary>
    void PasswordResetLink(IDocumentSession session, Account account, string link, DateTimeOffset expiresAt, DateTimeOffset now);
}

using Marten;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Consultation.Accounts.Preferences;
using Nq45Consult.Consultation.Accounts.ResettingPasswords;
using Nq45Consult.Consultation.Accounts.SigningIn;

namespace Nq45Consult.Consultation.Accounts.ChangingEmail;

/// <summary>How long the link that confirms a new address works (setting <c>Auth:EmailChange:LinkMinutes</c>).</summary>
public sealed record EmailChangePolicy(TimeSpan LinkLifetime);

/// <summary>
/// The signed-in person asks to use another e-mail address, proving their password. The account keeps its address
/// until the single-use link e-mailed to the new one is followed (<see cref="ConfirmEmailChange"/>); the current address
/// is told of the request, so a stolen session cannot move the account away unnoticed. Whether another account already
/// uses the new address is not said here (the answer would tell which addresses are known): the confirmation refuses it.
/// </summary>
/// <param name="Language">The language of the request (its page or API call); the account's own choice goes first.</param>
public sealed record RequestEmailChange(Guid AccountId, string? Email, string? Password, string? Language = null)
{
    public const string PagePath = "/account/email";

    public static string Normalize(string? email) => email?.Trim().ToLowerInvariant() ?? "";

    /// <param name="password">The check of <see cref="Password"/> against the account's hash.</param>
    /// <param name="link">A freshly drawn link for the account (tokens are random, so the handler draws it).</param>
    public static Decision Decide(
        Account account, RequestEmailChange command, PasswordVerification password, OneTimeLinkIssued link, DateTimeOffset now, LockoutPolicy policy)
    {
        if (account.ViaEntraId) return Decision.Conflict(DomainText.EmailManagedByEntraId);
        var email = Normalize(command.Email);
        if (!EmailAddress.IsValid(email)) return Decision.Invalid("email", DomainText.ValidEmailRequired);
        if (password == PasswordVerification.Failed || account.IsLockedOut(now))
            // As for a password change: a wrong password counts toward the lock-out, so this form cannot be used to guess it.
            return Decision.Invalid("password", DomainText.PasswordWrong) with
            {
                Events = SignIn.Decide(account, PasswordVerification.Failed, now, policy, () => "").Events,
            };
        if (string.Equals(email, account.Email?.Trim(), StringComparison.OrdinalIgnoreCase))
            return Decision.Invalid("email", DomainText.EmailAlreadyTheAccounts);
        return Decision.Accept(new EmailChangeRequested(account.Id, account.Email, email, now), link);
    }

    public static string Subject(Guid accountId) => accountId.ToString();
}

/// <summary>
/// Checks the password and, in the account's one-attempt-at-a-time transaction, records the request, issues the link
/// (earlier unused ones stop working) and queues both e-mails.
/// </summary>
public sealed class RequestEmailChangeHandler(
    IDocumentStore store, IPasswordHasher hasher, IAccountMail mail, TimeProvider time, EmailChangePolicy policy, LockoutPolicy lockout)
{
    /// <summary>Null when the account does not exist.</summary>
    public Task<Decision?> Handle(RequestEmailChange command, CancellationToken cancellation) =>
        AccountAttempts.RecordAsync<Decision?>(store, command.AccountId, async (session, stream) =>
        {
            if (stream.Aggregate is not { } account) return null;
            var now = time.GetUtcNow();
            var verification = string.IsNullOrEmpty(command.Password) || account.ViaEntraId
                ? PasswordVerification.Failed
                : hasher.Verify(account.PasswordHash, command.Password);
            var (token, issued) = OneTimeLink.Issue(LinkPurpose.EmailChange, RequestEmailChange.Subject(account.Id), policy.LinkLifetime, now, account.UserName);
            var decision = RequestEmailChange.Decide(account, command, verification, issued, now, lockout);
            stream.AppendMany(decision.Events.Where(e => e is not OneTimeLinkIssued));
            if (decision.Events.OfType<EmailChangeRequested>().SingleOrDefault() is not { } requested) return decision;
            await session.RevokeLinks(LinkPurpose.EmailChange, issued.Subject, now, account.UserName, cancellation);
            session.Events.StartStream<OneTimeLink>(issued.LinkId, issued);
            var language = Languages.For(account.Language, command.Language);
            mail.EmailChangeLink(session, account, requested.NewEmail, $"{RequestEmailChange.PagePath}?token={token}", issued.ExpiresAt, now, language);
            if (account.Email is not null) mail.EmailChangeNotice(session, account, requested.NewEmail, now, language);
            return decision;
        }, cancellation);
}

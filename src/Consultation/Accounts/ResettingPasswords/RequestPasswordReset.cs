using Marten;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;

namespace Nq45Consult.Consultation.Accounts.ResettingPasswords;

/// <summary>How long a password reset link works (setting <c>Auth:PasswordReset:LinkMinutes</c>).</summary>
public sealed record PasswordResetPolicy(TimeSpan LinkLifetime);

/// <summary>
/// "Forgot password": someone gives an address. Every active local account with that address gets a new single-use
/// link by e-mail (earlier unused ones stop working); the caller's answer is the same whether or not any account has
/// it, so nobody learns which addresses are known.
/// </summary>
/// <param name="Language">The language of the request (its page or API call); an account's own choice goes first.</param>
public sealed record RequestPasswordReset(string? Email, string? Language = null)
{
    public const string By = "password-reset";
    public const string PagePath = "/account/reset";

    public static bool IsValidAddress(string? email) => email?.Trim() is { Length: > 0 } trimmed && EmailAddress.IsValid(trimmed);

    /// <summary>
    /// The links to issue, one per account that may reset its password: active, local. <paramref name="links"/> holds a
    /// freshly drawn link per account having the address (tokens are random, so they are drawn by the handler).
    /// </summary>
    public static Decision Decide(RequestPasswordReset command, IReadOnlyList<(Account Account, OneTimeLinkIssued Link)> links)
    {
        if (!IsValidAddress(command.Email)) return Decision.Invalid("email", DomainText.ValidEmailRequired);
        return Decision.Accept([.. links.Where(l => l.Account is { Deactivated: false, ViaEntraId: false }).Select(l => l.Link)]);
    }

    public static string Subject(Account account) => account.Id.ToString();
}

public sealed class RequestPasswordResetHandler(IDocumentStore store, IAccountMail mail, TimeProvider time, PasswordResetPolicy policy)
{
    public async Task<Decision> Handle(RequestPasswordReset command, CancellationToken cancellation)
    {
        if (!RequestPasswordReset.IsValidAddress(command.Email)) return RequestPasswordReset.Decide(command, []);
        var now = time.GetUtcNow();
        var email = command.Email!.Trim();
        await using var session = store.LightweightSession();
        // The database compares without case; the exact check after it keeps a pattern character of the address ("_") from matching another.
        var accounts = (await session.Query<Account>().Where(a => a.Email != null && a.Email.Equals(email, StringComparison.OrdinalIgnoreCase)).ToListAsync(cancellation))
            .Where(a => string.Equals(a.Email!.Trim(), email, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var drawn = accounts.Select(a => (Account: a, Drawn: OneTimeLink.Issue(LinkPurpose.PasswordReset, RequestPasswordReset.Subject(a), policy.LinkLifetime, now, RequestPasswordReset.By)))
            .ToList();
        var decision = RequestPasswordReset.Decide(command, [.. drawn.Select(d => (d.Account, d.Drawn.Issued))]);
        foreach (var issued in decision.Events.OfType<OneTimeLinkIssued>())
        {
            var (account, (token, _)) = drawn.Single(d => d.Drawn.Issued == issued);
            await session.RevokeLinks(LinkPurpose.PasswordReset, issued.Subject, now, RequestPasswordReset.By, cancellation);
            session.Events.StartStream<OneTimeLink>(issued.LinkId, issued);
            mail.PasswordResetLink(session, account, $"{RequestPasswordReset.PagePath}?token={token}", issued.ExpiresAt, now,
                Preferences.Languages.For(account.Language, command.Language));
        }
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}

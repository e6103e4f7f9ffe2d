using JasperFx;
using Marten;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;

namespace Nq45Consult.Consultation.Accounts.ChangingEmail;

/// <summary>
/// The link e-mailed to the new address was followed: the address becomes the account's, and counts as confirmed. The
/// token is the proof, so no session is needed. An address that another account uses by now is refused, and the link
/// stays usable (the person may free the address and try again before it expires).
/// </summary>
public sealed record ConfirmEmailChange(string? Token)
{
    /// <param name="used">The decision on the link (<see cref="OneTimeLinkSession.UseLink"/>).</param>
    /// <param name="account">The account the link was issued for, as it is now.</param>
    /// <param name="takenByAnother">Whether another account has the requested address.</param>
    public static Decision Decide(Decision used, Account? account, bool takenByAnother, DateTimeOffset now)
    {
        if (!used.Accepted || account is not { Deactivated: false, ViaEntraId: false, PendingEmail: { } pending })
            return Decision.Invalid("token", OneTimeLink.Unusable);
        if (takenByAnother) return Decision.Conflict("email", DomainText.EmailTakenByAnother);
        return Decision.Accept([.. used.Events, new EmailChanged(account.Id, account.Email, pending, now)]);
    }
}

/// <summary>Uses the link and changes the address in one transaction; every unusable token gets the one answer.</summary>
public sealed class ConfirmEmailChangeHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(ConfirmEmailChange command, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var (used, link) = await session.UseLink(command.Token, LinkPurpose.EmailChange, now, cancellation);
        var stream = used.Accepted && Guid.TryParse(link!.Subject, out var accountId)
            ? await session.Events.FetchForWriting<Account>(accountId, cancellation)
            : null;
        var pending = stream?.Aggregate?.PendingEmail;
        var taken = pending is not null && await TakenByAnother(session, stream!.Id, pending, cancellation);
        var decision = ConfirmEmailChange.Decide(used, stream?.Aggregate, taken, now);
        if (!decision.Accepted) return decision;
        stream!.AppendMany(decision.Events.OfType<EmailChanged>());
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            // A second use of the token, or the person asking for another address meanwhile: this link no longer stands.
            return Decision.Invalid("token", OneTimeLink.Unusable);
        }
        return decision;
    }

    private static async Task<bool> TakenByAnother(IQuerySession session, Guid accountId, string email, CancellationToken cancellation) =>
        // The database compares without case; the exact check after it keeps a pattern character of the address ("_") from matching another.
        (await session.Query<Account>().Where(a => a.Id != accountId && a.Email != null && a.Email.Equals(email, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Email!).ToListAsync(cancellation))
        .Any(e => string.Equals(e.Trim(), email, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What the confirmation page may know of a token before it is used: the new address, while the link works.</summary>
public sealed class EmailChangeLinks(IDocumentStore store, TimeProvider time)
{
    public async Task<string?> PendingAddress(string? token, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        await using var query = store.QuerySession();
        var link = await query.LoadAsync<OneTimeLink>(OneTimeLink.IdOf(token), cancellation);
        if (link is null || !link.IsUsable(LinkPurpose.EmailChange, time.GetUtcNow()) || !Guid.TryParse(link.Subject, out var accountId)) return null;
        return (await query.LoadAsync<Account>(accountId, cancellation))?.PendingEmail;
    }
}

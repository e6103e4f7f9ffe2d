using Marten;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;

namespace Nq45Consult.Consultation.Accounts.ResettingPasswords;

/// <summary>What the reset page may know of a token before it is used: only whether it can still be used.</summary>
public sealed class PasswordResetLinks(IDocumentStore store, TimeProvider time)
{
    public async Task<bool> IsUsable(string? token, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(token)) return false;
        await using var query = store.QuerySession();
        var link = await query.LoadAsync<OneTimeLink>(OneTimeLink.IdOf(token), cancellation);
        return link is not null && link.IsUsable(LinkPurpose.PasswordReset, time.GetUtcNow());
    }
}

using Marten;
using Nq45Consult.Consultation.Accounts.Registering;

namespace Nq45Consult.Consultation.Accounts.SigningIn;

/// <summary>Who a valid Microsoft Entra ID token says the caller is.</summary>
public sealed record EntraIdIdentity(string UserName, string DisplayName, string? Email, IReadOnlyList<Role> Roles);

/// <summary>
/// Entra ID decides who may sign in and with which app roles; the platform keeps an account per person so admins
/// can see them, audit their roles and deactivate them. The first signed-in request creates it; a later one whose
/// token carries other roles records the change, by <see cref="Actor"/>.
/// </summary>
public static class EntraIdSignIn
{
    public const string Actor = "entra-id";

    public static object[] Decide(Account? current, EntraIdIdentity identity, Guid newId, DateTimeOffset now)
    {
        var roles = identity.Roles.Distinct().Order().ToArray();
        if (current is null)
            return [new AccountRegistered(newId, identity.UserName, identity.DisplayName, roles, "", now, Actor, identity.Email, ViaEntraId: true)];
        var added = roles.Except(current.Roles).ToArray();
        var removed = current.Roles.Except(roles).ToArray();
        return added.Length == 0 && removed.Length == 0 ? [] : [new AccountRolesChanged(current.Id, roles, added, removed, now, Actor)];
    }

    /// <summary>The account as it now stands; the caller refuses the request when it is deactivated.</summary>
    public static async Task<Account> HandleAsync(IDocumentStore store, TimeProvider time, EntraIdIdentity identity, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var current = await Register.FindAsync(session, identity.UserName, cancellationToken);
            var events = Decide(current, identity, Guid.CreateVersion7(), time.GetUtcNow());
            if (events.Length == 0) return current!;
            var id = current?.Id ?? ((AccountRegistered)events[0]).AccountId;
            if (current is null) session.Events.StartStream<Account>(id, events);
            else (await session.Events.FetchForWriting<Account>(id, cancellationToken)).AppendMany(events);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return (await session.LoadAsync<Account>(id, cancellationToken))!;
            }
            catch (Exception e) when (attempt < 3 && e is not OperationCanceledException)
            {
                // Two first requests of the same person at once: one created the account; read it again.
            }
        }
    }
}

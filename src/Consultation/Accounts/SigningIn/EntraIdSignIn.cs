using Marten;

namespace Nq45Consult.Consultation.Accounts.SigningIn;

/// <summary>
/// Who a valid Microsoft Entra ID token says the caller is. <see cref="TenantId"/> and <see cref="ObjectId"/> (the
/// <c>tid</c> and <c>oid</c> claims) name the person for good; <see cref="UserName"/> (<c>preferred_username</c>) may
/// change when the directory renames them, and another person may get it afterwards, or hold it in another tenant.
/// </summary>
public sealed record EntraIdIdentity(string TenantId, string ObjectId, string UserName, string DisplayName, string? Email, IReadOnlyList<Role> Roles)
{
    public string Key => KeyOf(TenantId, ObjectId);

    public static string KeyOf(string tenantId, string objectId) => $"{tenantId.Trim().ToLowerInvariant()}/{objectId.Trim().ToLowerInvariant()}";
}

/// <summary>
/// The accounts a decision needs: the one already keyed by the person's tenant and object id, those holding the
/// user name the token asks for or one derived from it (<c>name-2</c>, <c>name-3</c>…), and (when local accounts may be
/// linked) the local accounts whose address is the token's e-mail.
/// </summary>
public sealed record EntraIdAccounts(Account? Keyed, IReadOnlyList<Account> HoldingTheName)
{
    public IReadOnlyList<Account> WithTheEmail { get; init; } = [];
}

/// <summary>
/// Entra ID decides who may sign in and with which app roles; the platform keeps an account per person so admins
/// can see them, audit their roles and deactivate them. The account is found by tenant and object id, never by user
/// name: a renamed person keeps their account (and the user name it was registered with, which their feedback and
/// invitations refer to), and a new person given a name another account holds gets an account of their own, with
/// the name followed by <c>-2</c>, <c>-3</c>…. The first signed-in request creates the account; a later one whose
/// token carries other roles records the change, by <see cref="Actor"/>.
/// </summary>
/// <param name="LinkLocalAccounts">
/// <c>Auth:Mode</c> <c>Both</c>: a person new to Entra ID sign-in whose token's e-mail is the <em>confirmed</em> address
/// (<see cref="Account.EmailConfirmed"/>) of one local account is linked to it (<see cref="AccountKeyedToEntraId"/>), and
/// signs in to it from then on either way. An address the account's person never proved (one an admin typed) links
/// nothing: the identity gets an account of its own, so nobody reaches another's account by naming its address in a
/// directory. A linked account keeps the roles given here, not the token's.
/// </param>
public sealed record EntraIdSignIn(EntraIdIdentity Identity, bool LinkLocalAccounts = false)
{
    public const string Actor = "entra-id";

    public static Decision Decide(EntraIdAccounts accounts, EntraIdSignIn command, Guid newId, DateTimeOffset now)
    {
        var identity = command.Identity;
        var roles = identity.Roles.Distinct().Order().ToArray();
        if (accounts.Keyed is { } keyed) return Decision.Accept(keyed.ViaEntraId ? RoleChanges(keyed, roles, now) : Array.Empty<object>());
        // Accounts registered before keys were recorded are found by their user name once, and keyed from then on.
        var unkeyed = accounts.HoldingTheName.FirstOrDefault(a =>
            a is { ViaEntraId: true, EntraIdKey: null } && a.NormalizedUserName == Account.Normalize(identity.UserName));
        if (unkeyed is not null)
            return Decision.Accept([new AccountKeyedToEntraId(unkeyed.Id, identity.Key, now), .. RoleChanges(unkeyed, roles, now)]);
        if (command.LinkLocalAccounts && LinkableBy(identity.Email, accounts.WithTheEmail) is { } linkable)
            return linkable.Count == 1 ? Decision.Accept(new AccountKeyedToEntraId(linkable[0].Id, identity.Key, now)) : Decision.Forbid(DomainText.EntraIdEmailAmbiguous);
        var userName = FreeUserName(identity.UserName.Trim(), accounts.HoldingTheName);
        return Decision.Accept(
            new AccountRegistered(newId, userName, identity.DisplayName, roles, "", now, Actor, identity.Email, ViaEntraId: true, EntraIdKey: identity.Key));
    }

    /// <summary>
    /// The local accounts, not linked yet, whose confirmed address is <paramref name="email"/>; null when there is none.
    /// Deactivated ones count: linking one leaves its person refused, where an account of their own would let them in.
    /// </summary>
    private static IReadOnlyList<Account>? LinkableBy(string? email, IReadOnlyList<Account> candidates)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var found = candidates.Where(a => a is { ViaEntraId: false, EntraIdKey: null, EmailConfirmed: true }
            && string.Equals(a.Email?.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return found.Count == 0 ? null : found;
    }

    private static object[] RoleChanges(Account account, Role[] roles, DateTimeOffset now)
    {
        var added = roles.Except(account.Roles).ToArray();
        var removed = account.Roles.Except(roles).ToArray();
        return added.Length == 0 && removed.Length == 0 ? [] : [new AccountRolesChanged(account.Id, roles, added, removed, now, Actor)];
    }

    private static string FreeUserName(string wanted, IReadOnlyList<Account> holders)
    {
        var taken = holders.Select(a => a.NormalizedUserName).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(Account.Normalize(wanted))) return wanted;
        for (var n = 2; ; n++)
        {
            var candidate = $"{wanted}-{n}";
            if (!taken.Contains(Account.Normalize(candidate))) return candidate;
        }
    }
}

/// <summary>Finds or registers the person's account and records role changes their token brings.</summary>
public sealed class EntraIdSignInHandler(IDocumentStore store, TimeProvider time)
{
    /// <summary>The account as it now stands (the caller refuses the request when it is deactivated); null when refused.</summary>
    public async Task<Account?> Handle(EntraIdSignIn command, CancellationToken cancellation)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var accounts = await FindAsync(session, command, cancellation);
            var decision = EntraIdSignIn.Decide(accounts, command, Guid.CreateVersion7(), time.GetUtcNow());
            if (!decision.Accepted) return null;
            var events = decision.Events;
            if (events.Count == 0) return accounts.Keyed!;
            var id = events[0] switch
            {
                AccountRegistered registered => registered.AccountId,
                AccountKeyedToEntraId keyed => keyed.AccountId,
                _ => accounts.Keyed!.Id,
            };
            if (events[0] is AccountRegistered) session.Events.StartStream<Account>(id, events);
            else (await session.Events.FetchForWriting<Account>(id, cancellation)).AppendMany(events);
            try
            {
                await session.SaveChangesAsync(cancellation);
                return (await session.LoadAsync<Account>(id, cancellation))!;
            }
            catch (Exception e) when (attempt < 3 && e is not OperationCanceledException)
            {
                // Two first requests of the same person at once (the key's unique index), or of two people wanting the
                // same user name (the name's): one was stored; read again and decide again.
            }
        }
    }

    private static async Task<EntraIdAccounts> FindAsync(IQuerySession session, EntraIdSignIn command, CancellationToken cancellation)
    {
        var identity = command.Identity;
        var key = identity.Key;
        var keyed = await session.Query<Account>().SingleOrDefaultAsync(a => a.EntraIdKey == key, cancellation);
        if (keyed is not null) return new(keyed, []);
        var name = Account.Normalize(identity.UserName);
        var derived = name + "-";
        var holders = await session.Query<Account>()
            .Where(a => a.NormalizedUserName == name || a.NormalizedUserName.StartsWith(derived))
            .ToListAsync(cancellation);
        if (!command.LinkLocalAccounts || string.IsNullOrWhiteSpace(identity.Email)) return new(null, holders);
        var email = identity.Email.Trim();
        // The database compares without case; the decision compares exactly.
        var withTheEmail = await session.Query<Account>()
            .Where(a => !a.ViaEntraId && a.Email != null && a.Email.Equals(email, StringComparison.OrdinalIgnoreCase))
            .ToListAsync(cancellation);
        return new(null, holders) { WithTheEmail = withTheEmail };
    }
}

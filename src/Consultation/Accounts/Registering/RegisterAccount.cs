using Marten;

namespace Nq45Consult.Consultation.Accounts.Registering;

public sealed record RegisterAccount(
    string UserName, string DisplayName, IReadOnlyList<Role> Roles, string Password, string RegisteredBy,
    string? Email = null, bool MustChangePassword = false)
{
    public static Decision Decide(RegisterAccount command, Guid accountId, string passwordHash, DateTimeOffset now) =>
        Decision.Accept(new AccountRegistered(accountId, command.UserName.Trim(), command.DisplayName.Trim(), command.Roles.Distinct().Order().ToArray(),
            passwordHash, now, command.RegisteredBy, command.Email, command.MustChangePassword));
}

/// <summary>Starts the account's stream; the unique index rejects a user name that is already taken.</summary>
public sealed class RegisterAccountHandler(IDocumentStore store, IPasswordHasher hasher, TimeProvider time)
{
    /// <summary>The new account's id.</summary>
    public async Task<Guid> Handle(RegisterAccount command, CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        await using var session = store.LightweightSession();
        session.Events.StartStream<Account>(id, RegisterAccount.Decide(command, id, hasher.Hash(command.Password), time.GetUtcNow()).Events);
        await session.SaveChangesAsync(cancellation);
        return id;
    }
}

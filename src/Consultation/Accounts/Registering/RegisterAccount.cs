using Marten;

namespace Nq45Consult.Consultation.Accounts.Registering;

public sealed record RegisterAccount(
    string UserName, string DisplayName, IReadOnlyList<Role> Roles, string Password, string RegisteredBy,
    string? Email = null, bool MustChangePassword = false);

public static class Register
{
    public static AccountRegistered Decide(RegisterAccount command, Guid accountId, string passwordHash, DateTimeOffset now) =>
        new(accountId, command.UserName.Trim(), command.DisplayName.Trim(), command.Roles.Distinct().Order().ToArray(), passwordHash, now,
            command.RegisteredBy, command.Email, command.MustChangePassword);

    /// <summary>Starts the account's stream; the unique index rejects a user name that is already taken.</summary>
    public static async Task<Guid> HandleAsync(IDocumentSession session, IPasswordHasher hasher, TimeProvider time, RegisterAccount command, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        session.Events.StartStream<Account>(id, Decide(command, id, hasher.Hash(command.Password), time.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return id;
    }

    public static async Task<bool> ExistsAsync(IQuerySession session, string userName, CancellationToken cancellationToken) =>
        await FindAsync(session, userName, cancellationToken) is not null;

    public static Task<Account?> FindAsync(IQuerySession session, string userName, CancellationToken cancellationToken)
    {
        var normalized = Account.Normalize(userName);
        return session.Query<Account>().SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
    }
}

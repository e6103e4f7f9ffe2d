using Marten;
using Nq45Consult.Consultation.Accounts.Registering;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>An admin creates a local account; without a password a temporary one is generated, shown once.</summary>
public sealed record CreateAccount(NewAccount Input, string By)
{
    public static string DuplicateUserName => DomainText.UserNameTaken;

    public static Decision Duplicate => Decision.Conflict("userName", DuplicateUserName);

    /// <param name="generated">The temporary password to set when none was typed.</param>
    public static Decision Decide(CreateAccount command, bool userNameTaken, Guid accountId, string generated, Func<string, string> hash, DateTimeOffset now)
    {
        var (register, errors) = command.Input.Validate(command.By, generated);
        if (register is null) return Decision.Invalid(errors);
        if (userNameTaken) return Duplicate;
        return RegisterAccount.Decide(register, accountId, hash(register.Password), now);
    }
}

public sealed class CreateAccountHandler(IDocumentStore store, IPasswordHasher hasher, TimeProvider time)
{
    public async Task<AccountOutcome> Handle(CreateAccount command, CancellationToken cancellation)
    {
        var generated = Passwords.Generate();
        var id = Guid.CreateVersion7();
        await using var session = store.LightweightSession();
        var taken = await AccountLookup.ExistsAsync(session, command.Input.UserName ?? "", cancellation);
        var decision = CreateAccount.Decide(command, taken, id, generated, hasher.Hash, time.GetUtcNow());
        if (!decision.Accepted) return new(decision, null);
        session.Events.StartStream<Account>(id, decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (IsUserNameTaken(e))
        {
            // The same user name registered at the same moment by another admin: the unique index decided.
            return new(CreateAccount.Duplicate, null);
        }
        var registered = (AccountRegistered)decision.Events[0];
        return new(decision, await session.LoadAsync<Account>(id, cancellation), registered.MustChangePassword ? generated : null);
    }

    internal static bool IsUserNameTaken(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: AccountsStore.UserNameIndex }) return true;
        return false;
    }
}

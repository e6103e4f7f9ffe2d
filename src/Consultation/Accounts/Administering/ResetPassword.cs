using Marten;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>
/// An admin sets a new password: the one typed (the person keeps it unless <c>mustChange</c>), or a generated
/// temporary one the person must replace at sign-in. Either way every open session of the account ends.
/// </summary>
public sealed record ResetPassword(string UserName, string? Password, bool? MustChange, string By)
{
    public bool Generates => string.IsNullOrEmpty(Password);

    /// <param name="generated">The temporary password to set when none was typed.</param>
    public static Decision Decide(Account target, ResetPassword command, string generated, Func<string, string> hash, DateTimeOffset now)
    {
        if (target.ViaEntraId) return Decision.Conflict(DomainText.AccountViaEntraId);
        var password = command.Generates ? generated : command.Password!;
        if (!command.Generates && Passwords.Weakness(password, target.UserName) is { } weakness) return Decision.Invalid("password", weakness);
        return Decision.Accept(new PasswordReset(target.Id, hash(password), command.MustChange ?? command.Generates, now, command.By));
    }
}

public sealed class ResetPasswordHandler(IDocumentStore store, IPasswordHasher hasher, TimeProvider time)
{
    public async Task<AccountOutcome> Handle(ResetPassword command, CancellationToken cancellation)
    {
        var generated = Passwords.Generate();
        var outcome = await AdminChanges.Run(store, time, command.UserName, command.By,
            (account, _, now) => ResetPassword.Decide(account, command, generated, hasher.Hash, now), cancellation);
        // Only a generated password is shown back: the admin already knows the one they typed.
        return command.Generates && outcome.Decision?.Accepted == true ? outcome with { TemporaryPassword = generated } : outcome;
    }
}

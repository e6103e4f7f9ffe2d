using Marten;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>Deactivating refuses sign-in and ends open sessions, keeping the account and its history (<see cref="ReactivateAccount"/> undoes it).</summary>
public sealed record DeactivateAccount(string UserName, string? Reason, string By)
{
    public const int MaxReason = 500;

    public static Decision Decide(Account target, DeactivateAccount command, int otherActiveAdmins, DateTimeOffset now)
    {
        var why = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (why is { Length: > MaxReason }) return Decision.Invalid("reason", DomainText.ReasonTooLongOver(MaxReason));
        if (target.Deactivated) return Decision.Conflict(DomainText.AccountAlreadyDeactivated);
        if (LastAdmin.WouldBeLost(target, otherActiveAdmins)) return Decision.Conflict(LastAdmin.Refusal);
        return Decision.Accept(new AccountDeactivated(target.Id, why, now, command.By));
    }
}

public sealed class DeactivateAccountHandler(IDocumentStore store, TimeProvider time)
{
    public Task<AccountOutcome> Handle(DeactivateAccount command, CancellationToken cancellation) =>
        AdminChanges.Run(store, time, command.UserName, command.By, (account, otherAdmins, now) => DeactivateAccount.Decide(account, command, otherAdmins, now), cancellation);
}

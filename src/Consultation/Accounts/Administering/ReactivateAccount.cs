using Marten;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>A deactivated account may sign in again.</summary>
public sealed record ReactivateAccount(string UserName, string By)
{
    public static Decision Decide(Account target, ReactivateAccount command, DateTimeOffset now) =>
        target.Deactivated
            ? Decision.Accept(new AccountReactivated(target.Id, now, command.By))
            : Decision.Conflict(DomainText.AccountAlreadyActive);
}

public sealed class ReactivateAccountHandler(IDocumentStore store, TimeProvider time)
{
    public Task<AccountOutcome> Handle(ReactivateAccount command, CancellationToken cancellation) =>
        AdminChanges.Run(store, time, command.UserName, command.By, (account, _, now) => ReactivateAccount.Decide(account, command, now), cancellation);
}

using Marten;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>An admin sets an account's roles (named as in <c>/api/me</c>); the event records what was added and removed, by whom and when.</summary>
public sealed record ChangeRoles(string UserName, IReadOnlyList<string>? Roles, string By)
{
    public static Decision Decide(Account target, ChangeRoles command, int otherActiveAdmins, DateTimeOffset now)
    {
        var (roles, problem) = RoleNames.Parse(command.Roles);
        if (problem is not null) return Decision.Invalid("roles", problem);
        var added = roles!.Except(target.Roles).Order().ToArray();
        var removed = target.Roles.Except(roles!).Order().ToArray();
        if (added.Length == 0 && removed.Length == 0) return Decision.Accept();
        if (removed.Contains(Role.Admin) && LastAdmin.WouldBeLost(target, otherActiveAdmins)) return Decision.Conflict(LastAdmin.Refusal);
        return Decision.Accept(new AccountRolesChanged(target.Id, roles!.Distinct().Order().ToArray(), added, removed, now, command.By));
    }
}

public sealed class ChangeRolesHandler(IDocumentStore store, TimeProvider time)
{
    public Task<AccountOutcome> Handle(ChangeRoles command, CancellationToken cancellation) =>
        AdminChanges.Run(store, time, command.UserName, command.By, (account, otherAdmins, now) => ChangeRoles.Decide(account, command, otherAdmins, now), cancellation);
}

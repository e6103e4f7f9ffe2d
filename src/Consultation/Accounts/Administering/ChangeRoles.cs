using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>An admin sets an account's roles; the event records what was added and removed, by whom and when.</summary>
public static class ChangeRoles
{
    public static Decision Decide(Account target, IReadOnlyList<Role> roles, int otherActiveAdmins, string by, DateTimeOffset now)
    {
        var added = roles.Except(target.Roles).Order().ToArray();
        var removed = target.Roles.Except(roles).Order().ToArray();
        if (added.Length == 0 && removed.Length == 0) return Decision.Accept();
        if (removed.Contains(Role.Admin) && LastAdmin.WouldBeLost(target, otherActiveAdmins)) return Decision.Conflict(LastAdmin.Refusal);
        return Decision.Accept(new AccountRolesChanged(target.Id, roles.Distinct().Order().ToArray(), added, removed, now, by));
    }
}

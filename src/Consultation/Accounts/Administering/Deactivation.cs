using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>Deactivating refuses sign-in and ends open sessions, keeping the account and its history; reactivating undoes it.</summary>
public static class Deactivation
{
    public const int MaxReason = 500;

    public static Decision Deactivate(Account target, string? reason, int otherActiveAdmins, string by, DateTimeOffset now)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is { Length: > MaxReason }) return Decision.Invalid("reason", $"Lý do dài quá {MaxReason} ký tự.");
        if (target.Deactivated) return Decision.Conflict("Tài khoản đã bị vô hiệu hoá.");
        if (LastAdmin.WouldBeLost(target, otherActiveAdmins)) return Decision.Conflict(LastAdmin.Refusal);
        return Decision.Accept(new AccountDeactivated(target.Id, why, now, by));
    }

    public static Decision Reactivate(Account target, string by, DateTimeOffset now) =>
        target.Deactivated
            ? Decision.Accept(new AccountReactivated(target.Id, now, by))
            : Decision.Conflict("Tài khoản đang hoạt động.");
}

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>The installation always keeps one active admin, or nobody could manage accounts any more.</summary>
public static class LastAdmin
{
    public const string Refusal = "Đây là quản trị viên cuối cùng đang hoạt động: hãy cấp quyền Admin cho người khác trước.";

    /// <summary>True when <paramref name="target"/> is an active admin and no other active admin exists.</summary>
    public static bool WouldBeLost(Account target, int otherActiveAdmins) => target.IsActiveAdmin && otherActiveAdmins == 0;
}

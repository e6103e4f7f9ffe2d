namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>The installation always keeps one active admin, or nobody could manage accounts any more.</summary>
public static class LastAdmin
{
    public static string Refusal => DomainText.LastAdmin;

    /// <summary>True when <paramref name="target"/> is an active admin and no other active admin exists.</summary>
    public static bool WouldBeLost(Account target, int otherActiveAdmins) => target.IsActiveAdmin && otherActiveAdmins == 0;
}

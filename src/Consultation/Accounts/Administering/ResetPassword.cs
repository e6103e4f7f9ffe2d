using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>
/// An admin sets a new password: the one typed (the person keeps it unless <c>mustChange</c>), or a generated
/// temporary one the person must replace at sign-in. Either way every open session of the account ends.
/// </summary>
public static class ResetPassword
{
    /// <summary>The decision and the password to hash (null when refused).</summary>
    public static (Decision Decision, string? Password) Decide(Account target, string? typed, bool? mustChange, Func<string, string> hash, string by, DateTimeOffset now)
    {
        if (target.ViaEntraId) return (Decision.Conflict("Tài khoản đăng nhập qua Microsoft Entra ID không có mật khẩu ở đây."), null);
        var generated = string.IsNullOrEmpty(typed);
        var password = generated ? Passwords.Generate() : typed!;
        if (!generated && Passwords.Weakness(password, target.UserName) is { } weakness) return (Decision.Invalid("password", weakness), null);
        return (Decision.Accept(new PasswordReset(target.Id, hash(password), mustChange ?? generated, now, by)), password);
    }
}

using System.Security.Cryptography;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>What a password set by an admin must be, and the temporary passwords the platform generates.</summary>
public static class Passwords
{
    public const int MinLength = 12;

    /// <summary>The rule as people read it, next to every field where a password is chosen.</summary>
    public static readonly string Rule = $"Ít nhất {MinLength} ký tự, gồm ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký hiệu.";

    // No look-alike characters (0/O, 1/l/I): a generated password is read off a screen and typed once.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Why the password is too weak, or null when it will do.</summary>
    public static string? Weakness(string password, string userName)
    {
        if (password.Length < MinLength) return $"Mật khẩu cần ít nhất {MinLength} ký tự.";
        if (password.Length > 200) return "Mật khẩu dài quá 200 ký tự.";
        var kinds = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) };
        if (kinds.Count(k => k) < 3) return "Mật khẩu cần ít nhất ba trong bốn loại ký tự: chữ thường, chữ hoa, chữ số, ký hiệu.";
        if (!string.IsNullOrWhiteSpace(userName) && password.Contains(userName.Trim(), StringComparison.OrdinalIgnoreCase))
            return "Mật khẩu không được chứa tên đăng nhập.";
        return null;
    }

    /// <summary>A random 16-character password that passes <see cref="Weakness"/> for any user name.</summary>
    public static string Generate()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(Alphabet, 16);
            if (Weakness(password, "") is null) return password;
        }
    }
}

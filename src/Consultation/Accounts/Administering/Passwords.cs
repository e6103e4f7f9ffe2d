using System.Security.Cryptography;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>What a password set by an admin must be, and the temporary passwords the platform generates.</summary>
public static class Passwords
{
    public const int MinLength = 12;

    /// <summary>The rule as people read it, next to every field where a password is chosen.</summary>
    public static string Rule => DomainText.PasswordRule(MinLength);

    // No look-alike characters (0/O, 1/l/I): a generated password is read off a screen and typed once.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Why the password is too weak, or null when it will do.</summary>
    public static string? Weakness(string password, string userName)
    {
        if (password.Length < MinLength) return DomainText.PasswordTooShort(MinLength);
        if (password.Length > 200) return DomainText.PasswordTooLong;
        var kinds = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) };
        if (kinds.Count(k => k) < 3) return DomainText.PasswordKinds;
        if (!string.IsNullOrWhiteSpace(userName) && password.Contains(userName.Trim(), StringComparison.OrdinalIgnoreCase))
            return DomainText.PasswordContainsUserName;
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

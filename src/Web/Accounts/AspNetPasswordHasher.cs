using Microsoft.AspNetCore.Identity;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Web.Accounts;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher behind the domain's abstraction.</summary>
public sealed class AspNetPasswordHasher : Consultation.Accounts.IPasswordHasher
{
    private readonly PasswordHasher<Account> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordVerification Verify(string hash, string password) => _hasher.VerifyHashedPassword(null!, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordVerification.Succeeded,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordVerification.SucceededRehashNeeded,
        _ => PasswordVerification.Failed,
    };
}

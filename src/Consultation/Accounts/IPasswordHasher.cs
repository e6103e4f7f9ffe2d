namespace Nq45Consult.Consultation.Accounts;

/// <summary>Hashes passwords; the host supplies ASP.NET Core's PasswordHasher so the domain stays free of it.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    PasswordVerification Verify(string hash, string password);
}

public enum PasswordVerification
{
    Failed,
    Succeeded,
    SucceededRehashNeeded,
}

using Marten;
using Nq45Consult.Consultation.Accounts.Administering;
using Nq45Consult.Consultation.Drafts.Consultations;

namespace Nq45Consult.Consultation.Accounts.SigningIn;

/// <summary>The person replaces their password (a temporary one from an admin, or any time), proving the current one.</summary>
public static class ChangeOwnPassword
{
    public static Decision Decide(Account account, PasswordVerification current, string? newPassword, Func<string, string> hash, DateTimeOffset now)
    {
        if (current == PasswordVerification.Failed) return Decision.Invalid("currentPassword", "Mật khẩu hiện tại không đúng.");
        if (string.IsNullOrEmpty(newPassword)) return Decision.Invalid("newPassword", "Cần nhập mật khẩu mới.");
        if (Passwords.Weakness(newPassword, account.UserName) is { } weakness) return Decision.Invalid("newPassword", weakness);
        return Decision.Accept(new PasswordChanged(account.Id, hash(newPassword), now, account.UserName));
    }

    /// <summary>Null when the account does not exist (or signs in through Entra ID).</summary>
    public static async Task<Decision?> HandleAsync(
        IDocumentSession session, IPasswordHasher hasher, TimeProvider time, Guid accountId, string? currentPassword, string? newPassword, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Account>(accountId, cancellationToken);
        if (stream.Aggregate is not { ViaEntraId: false } account) return null;
        var verification = string.IsNullOrEmpty(currentPassword) ? PasswordVerification.Failed : hasher.Verify(account.PasswordHash, currentPassword);
        var decision = Decide(account, verification, newPassword, hasher.Hash, time.GetUtcNow());
        if (!decision.Accepted) return decision;
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellationToken);
        return decision;
    }
}

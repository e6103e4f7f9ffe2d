using JasperFx;
using Marten;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Administering;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;

namespace Nq45Consult.Consultation.Onboarding.Verifying;

/// <summary>The person followed the e-mailed link: the address is theirs; their account is registered, without a role.</summary>
public sealed record VerifySignUp(string? Token)
{
    public const string By = "signup";

    public static Decision Decide(SignUp? signUp, Guid accountId, DateTimeOffset now) =>
        signUp is not { Status: SignUpStatus.AwaitingVerification }
            ? Decision.Invalid("token", OneTimeLink.Unusable)
            : Decision.Accept(
                new SignUpEmailVerified(signUp.Id, accountId, now),
                new AccountRegistered(accountId, signUp.UserName, signUp.Details.FullName, [], signUp.PasswordHash, now, By, signUp.Email, EmailConfirmed: true));
}

/// <summary>
/// Uses the link and writes the verification and the account in one transaction. Every token that cannot be used —
/// unknown, used, expired, or raced by a second request with the same token — gets the one answer
/// <see cref="OneTimeLink.Unusable"/>.
/// </summary>
public sealed class VerifySignUpHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(VerifySignUp command, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var (used, link) = await session.UseLink(command.Token, LinkPurpose.EmailVerification, now, cancellation);
        if (!used.Accepted || link is null || !Guid.TryParse(link.Subject, out var id)) return Decision.Invalid("token", OneTimeLink.Unusable);
        var stream = await session.Events.FetchForWriting<SignUp>(id, cancellation);
        var accountId = Guid.CreateVersion7();
        var decision = VerifySignUp.Decide(stream.Aggregate, accountId, now);
        if (!decision.Accepted) return decision;
        stream.AppendOne(decision.Events.OfType<SignUpEmailVerified>().Single());
        session.Events.StartStream<Account>(accountId, decision.Events.OfType<AccountRegistered>().Single());
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            return Decision.Invalid("token", OneTimeLink.Unusable);
        }
        catch (Exception e) when (CreateAccountHandler.IsUserNameTaken(e))
        {
            // Two requests for one name at the same moment, or an admin's account meanwhile: the first verified keeps it.
            return Decision.Conflict("userName", CreateAccount.DuplicateUserName);
        }
        return decision;
    }
}

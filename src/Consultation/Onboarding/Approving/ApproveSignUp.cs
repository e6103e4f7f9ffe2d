using Marten;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Experts.Profiles;

namespace Nq45Consult.Consultation.Onboarding.Approving;

/// <summary>A moderator approves a verified request: the account gets the expert role and the profile typed at sign-up.</summary>
public sealed record ApproveSignUp(string UserName, Caller Caller)
{
    public static Decision Decide(SignUp? signUp, Account? account, ApproveSignUp command, Guid profileId, DateTimeOffset now)
    {
        if (SignUpDecision.Refusal(command.Caller, signUp, account) is { } refusal) return refusal;
        var roles = account!.Roles.Append(Role.Expert).Distinct().Order().ToArray();
        var added = account.Roles.Contains(Role.Expert) ? Array.Empty<Role>() : [Role.Expert];
        var by = command.Caller.UserName;
        return Decision.Accept(
            new SignUpApproved(signUp!.Id, profileId, now, by),
            new AccountRolesChanged(account.Id, roles, added, [], now, by),
            new ExpertProfileRegistered(profileId, account.UserName, null, signUp.Details, now, by));
    }
}

public sealed class ApproveSignUpHandler(IDocumentStore store, TimeProvider time)
{
    public Task<SignUpOutcome> Handle(ApproveSignUp command, CancellationToken cancellation)
    {
        var profileId = Guid.CreateVersion7();
        return SignUpDecision.Apply(store, command.UserName, time, cancellation,
            (signUp, account, now) => ApproveSignUp.Decide(signUp, account, command, profileId, now),
            signUp => OnboardingLetters.Approved(signUp.Details.FullName));
    }
}

using Marten;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Onboarding.Declining;

/// <summary>A moderator declines a verified request with a reason, which is e-mailed to the person.</summary>
public sealed record DeclineSignUp(string UserName, string? Reason, Caller Caller)
{
    public const int MaxReasonLength = 1000;

    public static Decision Decide(SignUp? signUp, Account? account, DeclineSignUp command, DateTimeOffset now)
    {
        var reason = command.Reason?.Trim() ?? "";
        if (command.Caller.IsModerator && reason.Length == 0) return Decision.Invalid("reason", DomainText.SignUpDeclineNeedsReason);
        if (reason.Length > MaxReasonLength) return Decision.Invalid("reason", DomainText.ReasonTooLong(MaxReasonLength));
        if (SignUpDecision.Refusal(command.Caller, signUp, account) is { } refusal) return refusal;
        return Decision.Accept(new SignUpDeclined(signUp!.Id, reason, now, command.Caller.UserName));
    }
}

public sealed class DeclineSignUpHandler(IDocumentStore store, TimeProvider time)
{
    public Task<SignUpOutcome> Handle(DeclineSignUp command, CancellationToken cancellation) =>
        SignUpDecision.Apply(store, command.UserName, time, cancellation,
            (signUp, account, now) => DeclineSignUp.Decide(signUp, account, command, now),
            signUp => OnboardingLetters.Declined(signUp.Details.FullName, command.Reason!.Trim()));
}

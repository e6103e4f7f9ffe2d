using Marten;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Consultation.Onboarding;

/// <summary>What a moderator's decision on a request answers: the decision, and the request as it now is.</summary>
public sealed record SignUpOutcome(Decision Decision, SignUpView? SignUp);

/// <summary>
/// How approving and declining load, decide and append: the verified request of the user name and its account, both
/// held for writing (a second moderator deciding at the same moment fails at save time), and the person's e-mail.
/// </summary>
internal static class SignUpDecision
{
    public static string NotFound => DomainText.SignUpNotFound;
    public static string AlreadyDecided => DomainText.SignUpAlreadyDecided;

    /// <summary>Refusals shared by both decisions; null when the moderator may decide.</summary>
    public static Decision? Refusal(Caller caller, SignUp? signUp, Account? account) =>
        !caller.IsModerator ? Decision.Forbid(DomainText.SignUpModeratorsOnly)
        : signUp is null || account is null ? Decision.NotFound(NotFound)
        : signUp.Status != SignUpStatus.Pending ? Decision.Conflict(AlreadyDecided)
        : null;

    public static async Task<SignUpOutcome> Apply(
        IDocumentStore store, string userName, TimeProvider time, CancellationToken cancellation,
        Func<SignUp?, Account?, DateTimeOffset, Decision> decide, Func<SignUp, Notice> letter)
    {
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var found = await SignUpQueries.Verified(session, userName, cancellation);
        if (found?.AccountId is not { } accountId) return new(decide(null, null, now), null);
        var signUp = await session.Events.FetchForWriting<SignUp>(found.Id, cancellation);
        var account = await session.Events.FetchForWriting<Account>(accountId, cancellation);
        var decision = decide(signUp.Aggregate, account.Aggregate, now);
        if (!decision.Accepted) return new(decision, null);
        foreach (var e in decision.Events)
        {
            switch (e)
            {
                case SignUpApproved or SignUpDeclined: signUp.AppendOne(e); break;
                case AccountRolesChanged: account.AppendOne(e); break;
                case Experts.Profiles.ExpertProfileRegistered registered: session.Events.StartStream<Experts.Profiles.ExpertProfile>(registered.ProfileId, e); break;
                default: throw new InvalidOperationException($"Unexpected event {e.GetType().Name}.");
            }
        }
        // The account's choice, else the language the person signed up in: the moderator's is not theirs.
        var language = Accounts.Preferences.Languages.For(account.Aggregate!.Language, signUp.Aggregate!.Language);
        NotificationOutbox.AddAddressed(session, letter(signUp.Aggregate!), signUp.Aggregate!.Email, now, language);
        await session.SaveChangesAsync(cancellation);
        return new(decision, SignUpView.Of((await session.LoadAsync<SignUp>(found.Id, cancellation))!));
    }
}

using JasperFx;
using Marten;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Administering;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Inviting;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Profiles;

namespace Nq45Consult.Consultation.Invitations.Accepting;

/// <summary>
/// The invited person follows their link and creates their account: a user name and password, the terms accepted, and
/// consent to appear by name given or refused. The account gets the expert role and the invitation's profile (the
/// registry's, now theirs; or a new one with their name and address), and is invited to the consultation.
/// </summary>
/// <param name="FullName">For an invitation sent to a bare address: the name to show (default: the user name).</param>
public sealed record AcceptInvitation(
    string? Token, string? UserName, string? Password, string? FullName, bool? ConsentToAppearByName, bool TermsAccepted)
{
    public const string By = "invitation";

    /// <param name="profile">The invitation's registry profile, when it has one that no account has claimed.</param>
    /// <param name="consultation">The consultation the invitation is to (its invitation is skipped once it is over).</param>
    public static Decision Decide(
        AcceptInvitation command, EmailInvitation invitation, ExpertProfile? profile, ConsultationState consultation, bool userNameTaken,
        Guid accountId, Guid newProfileId, Func<string, string> hash, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var userName = command.UserName?.Trim() ?? "";
        if (UserNames.Problem(userName) is { } problem) errors["userName"] = [problem];
        else if (userNameTaken) errors["userName"] = [CreateAccount.DuplicateUserName];
        if (Passwords.Weakness(command.Password ?? "", userName) is { } weakness) errors["password"] = [weakness];
        var fullName = command.FullName?.Trim() is { Length: > 0 } typed ? typed : profile?.FullName ?? invitation.Name ?? userName;
        if (fullName.Length > ProfileInput.MaxNameLength) errors["fullName"] = [DomainText.FullNameTooLongOver(ProfileInput.MaxNameLength)];
        if (command.ConsentToAppearByName is null)
            errors["consentToAppearByName"] = [DomainText.InvitationNeedsNameConsent];
        if (!command.TermsAccepted) errors["acceptTerms"] = [DomainText.InvitationNeedsTerms];
        if (errors.Count > 0) return Decision.Invalid(errors);

        var consent = new ProfileConsent(ToBeContacted: true, ToAppearByName: command.ConsentToAppearByName!.Value);
        var events = new List<object>
        {
            new AccountRegistered(accountId, userName, fullName, [Role.Expert], hash(command.Password!), now, By, invitation.Email, EmailConfirmed: true),
        };
        if (profile is not null)
        {
            events.Add(new ExpertProfileClaimed(profile.Id, userName, now));
            if (profile.Consent != consent) events.Add(new ExpertConsentRecorded(profile.Id, consent, now, userName));
        }
        else
        {
            var details = new ProfileDetails(fullName, AcademicTitle.None, Degree.Other, [], null, null, null, true, invitation.Email, null);
            events.Add(new ExpertProfileRegistered(newProfileId, userName, null, details, now, userName));
            events.Add(new ExpertConsentRecorded(newProfileId, consent, now, userName));
        }
        events.Add(new InvitationAccepted(invitation.Id, userName, now));
        var invited = InviteExperts.Decide(consultation, new InviteExperts(consultation.Id, [], Caller.Of(userName, fullName, Role.Expert), [userName]),
            new HashSet<string>(), now);
        if (invited.Accepted) events.AddRange(invited.Events);
        return Decision.Accept([.. events]);
    }
}

/// <param name="Landing">Where the person goes next: the consultation, or the live session, they were invited to.</param>
public sealed record AcceptOutcome(Decision Decision, Account? Account, string? Landing);

/// <summary>
/// Uses the link and writes the account, the profile, the invitation's acceptance and the consultation's invitation in
/// one transaction: all of them, or nothing and the link still usable. A second use racing the first fails at save
/// time and gets the same answer as any unusable link.
/// </summary>
public sealed class AcceptInvitationHandler(IDocumentStore store, IPasswordHasher hasher, TimeProvider time)
{
    public async Task<AcceptOutcome> Handle(AcceptInvitation command, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var (used, link) = await session.UseLink(command.Token, LinkPurpose.Invitation, now, cancellation);
        var invitation = link is not null && Guid.TryParse(link.Subject, out var id) ? await session.LoadAsync<EmailInvitation>(id, cancellation) : null;
        if (!used.Accepted || invitation is not { IsOpen: true }) return new(Decision.Invalid("token", OneTimeLink.Unusable), null, null);

        var profile = invitation.ProfileId is { } profileId ? await session.LoadAsync<ExpertProfile>(profileId, cancellation) : null;
        if (profile?.UserName is not null) profile = null;
        // Read, not held: a moderator writing to the consultation meanwhile must not fail this (a name invited twice is harmless).
        var consultation = await session.Events.AggregateStreamAsync<ConsultationState>(invitation.ConsultationId, token: cancellation);
        var taken = await AccountLookup.ExistsAsync(session, command.UserName?.Trim() ?? "", cancellation);
        var accountId = Guid.CreateVersion7();
        var newProfileId = Guid.CreateVersion7();
        var decision = AcceptInvitation.Decide(command, invitation, profile, consultation!, taken, accountId, newProfileId, hasher.Hash, now);
        if (!decision.Accepted) return new(decision, null, null);

        session.Events.StartStream<Account>(accountId, decision.Events.OfType<AccountRegistered>().Single());
        var profileEvents = decision.Events.Where(e => e is ExpertProfileRegistered or ExpertProfileClaimed or ExpertConsentRecorded).ToArray();
        if (profile is null) session.Events.StartStream<ExpertProfile>(newProfileId, profileEvents);
        else session.Events.Append(profile.Id, profileEvents);
        session.Events.Append(invitation.Id, decision.Events.OfType<InvitationAccepted>().Single());
        if (decision.Events.OfType<ExpertsInvited>().SingleOrDefault() is { } invited) session.Events.Append(invitation.ConsultationId, invited);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            return new(Decision.Invalid("token", OneTimeLink.Unusable), null, null);
        }
        catch (Exception e) when (CreateAccountHandler.IsUserNameTaken(e))
        {
            return new(Decision.Invalid("userName", CreateAccount.DuplicateUserName), null, null);
        }
        var details = await session.LoadAsync<ConsultationDetails>(invitation.ConsultationId, cancellation);
        var landing = invitation.SessionId is { } sessionId ? $"/sessions/{sessionId}" : $"/consultations/{details!.Slug}";
        return new(decision, await session.LoadAsync<Account>(accountId, cancellation), landing);
    }
}

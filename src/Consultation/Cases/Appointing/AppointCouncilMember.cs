using Marten;
using Nq45Consult.Consultation.Experts.Interests;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Consultation.Cases.Appointing;

/// <summary>
/// A moderator puts an expert of the registry (a profile with an account) on the council in a role; their
/// conflict-of-interest declaration for the case's consultation is recorded with the appointment. A seat held by
/// someone who declined is free for another.
/// </summary>
public sealed record AppointCouncilMember(Guid CaseId, Guid? ProfileId, string? Role, Caller Moderator)
{
    /// <param name="profile">The profile named, as loaded; null when there is none.</param>
    /// <param name="declaration">The expert's declaration for the case's consultation; null when they made none.</param>
    public static Decision Decide(
        CritiqueCase? found, AppointCouncilMember command, ExpertProfile? profile, InterestDeclaration? declaration, Guid memberId, DateTimeOffset now)
    {
        if (!command.Moderator.IsModerator) return Decision.Forbid(DomainText.CaseUnionModeratorsOnly);
        if (found is null) return Decision.NotFound(DomainText.CaseNotFound);
        var errors = new Dictionary<string, string[]>();
        if (!KebabCase.TryParse<CouncilRole>(command.Role, out var role)) errors["role"] = [DomainText.CaseRoleMustBeOneOf(KebabCase.Names<CouncilRole>())];
        if (profile is null || profile.Id != command.ProfileId) errors["profileId"] = [DomainText.CaseExpertProfileUnknown];
        else if (profile.UserName is null) errors["profileId"] = [DomainText.CaseProfileWithoutAccount];
        if (errors.Count > 0) return Decision.Invalid(errors);
        if (found.Status != CaseStatus.Accepted) return Decision.Conflict(DomainText.CaseNotAccepted);
        var expert = profile!;
        var userName = expert.UserName!;
        var held = found.Council.Where(s => s.Holds).ToList();
        if (role != CouncilRole.Member && held.Any(s => s.Role == role)) return Decision.Conflict(DomainText.CaseSeatTaken);
        if (held.Any(s => s.ProfileId == expert.Id || string.Equals(s.UserName, userName, StringComparison.OrdinalIgnoreCase)))
            return Decision.Conflict(DomainText.CaseAlreadyMember);
        var interests = declaration is null ? null : new DeclaredInterests(declaration.HasInterests, declaration.Statement, declaration.DeclaredAt);
        return Decision.Accept(new CouncilMemberAppointed(
            found.Id, memberId, expert.Id, userName, expert.TitledName, role, interests, command.Moderator.UserName, now));
    }
}

public sealed record AppointmentOutcome(Decision Decision, Guid MemberId);

/// <summary>Loads the profile and its declaration, decides, appends, and invites the member (notification and e-mail) in the same transaction.</summary>
public sealed class AppointCouncilMemberHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<AppointmentOutcome> Handle(AppointCouncilMember command, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var memberId = Guid.CreateVersion7();
        var decision = await CaseChange.Run(store, command.CaseId, async (session, c) =>
        {
            var profile = command.ProfileId is { } p && p != Guid.Empty ? await session.LoadAsync<ExpertProfile>(p, cancellation) : null;
            var declaration = c?.ConsultationId is { } consultation && profile?.UserName is { } userName
                ? await session.LoadAsync<InterestDeclaration>(InterestDeclaration.IdOf(consultation, userName), cancellation)
                : null;
            return AppointCouncilMember.Decide(c, command, profile, declaration, memberId, now);
        }, cancellation, async (session, c, decision) =>
        {
            var appointed = (CouncilMemberAppointed)decision.Events[0];
            await NotificationOutbox.Add(session, CaseLetters.CouncilInvitation(c.Subject, appointed.Role, c.Id), [appointed.UserName], now, cancellation);
        });
        return new(decision, decision.Accepted ? memberId : Guid.Empty);
    }
}

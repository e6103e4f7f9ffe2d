using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Inviting;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Experts.Invitations;

/// <summary>Whom to invite: user names, and/or everyone the registry finds by field, association or saved filter (ids or names).</summary>
public sealed record Invitees(
    IReadOnlyList<string>? UserNames, IReadOnlyList<string>? Fields = null, IReadOnlyList<string>? Associations = null,
    IReadOnlyList<string>? SavedFilters = null)
{
    public bool FromRegistry => Fields is { Count: > 0 } || Associations is { Count: > 0 } || SavedFilters is { Count: > 0 };
}

/// <summary>An invited expert and whether they have answered: feedback items given (withdrawn ones not counted).</summary>
public sealed record InvitationResponse(string UserName, string Name, DateTimeOffset InvitedAt, string InvitedBy, int Feedback)
{
    public bool Responded => Feedback > 0;
}

/// <summary>
/// Invitations to a consultation (a live session's room admits whoever its consultation invited): resolves the
/// registry's part into accounts, then records the usual <see cref="ExpertsInvited"/> through <see cref="InviteExpertsHandler"/>.
/// </summary>
public sealed class ExpertInvitations(IDocumentStore store, InviteExpertsHandler invite, ExpertRegistry registry)
{
    public async Task<CommandOutcome> Invite(Guid consultationId, Invitees invitees, Caller caller, CancellationToken cancellation = default)
    {
        IReadOnlyList<string> found = [];
        if (invitees.FromRegistry)
        {
            var (names, refusal) = await registry.Invitees(invitees.Fields ?? [], invitees.Associations ?? [], invitees.SavedFilters ?? [], cancellation);
            if (refusal is not null) return new CommandOutcome(refusal, null);
            found = names;
        }
        return await invite.Handle(new InviteExperts(consultationId, invitees.UserNames, caller, found), cancellation);
    }

    /// <summary>Every invited expert in the order invited, with their registry name and how much they answered.</summary>
    public async Task<IReadOnlyList<InvitationResponse>> Responses(Guid consultationId, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var invitations = await session.Events.QueryRawEventDataOnly<ExpertsInvited>()
            .Where(e => e.ConsultationId == consultationId).ToListAsync(cancellation);
        var invited = invitations.OrderBy(e => e.InvitedAt)
            .SelectMany(e => e.UserNames.Select(name => (Name: name, e.InvitedAt, e.InvitedBy)))
            .DistinctBy(i => ExpertProfile.Normalize(i.Name))
            .ToList();
        var normalized = invited.Select(i => ExpertProfile.Normalize(i.Name)!).ToArray();
        var profiles = (await session.Query<ExpertProfile>().Where(p => normalized.Contains(p.NormalizedUserName!)).ToListAsync(cancellation))
            .ToDictionary(p => p.NormalizedUserName!);
        var given = (await session.Query<FeedbackItem>()
                .Where(x => x.ConsultationId == consultationId && !x.Withdrawn)
                .Select(x => x.AuthorUserName).ToListAsync(cancellation))
            .CountBy(name => name).ToDictionary();
        return [.. invited.Select(i =>
        {
            var key = ExpertProfile.Normalize(i.Name)!;
            return new InvitationResponse(i.Name, profiles.GetValueOrDefault(key)?.TitledName ?? i.Name, i.InvitedAt, i.InvitedBy, given.GetValueOrDefault(key));
        })];
    }
}

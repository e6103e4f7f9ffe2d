using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Experts.Invitations;

/// <summary>An invited expert and whether they have answered: feedback items given (withdrawn ones not counted).</summary>
public sealed record InvitationResponse(string UserName, string Name, DateTimeOffset InvitedAt, string InvitedBy, int Feedback)
{
    public bool Responded => Feedback > 0;
}

/// <summary>Who was invited to a consultation and who answered.</summary>
public sealed class InvitationResponses(IDocumentStore store)
{
    /// <summary>Every invited expert in the order invited, with their registry name and how much they answered.</summary>
    public async Task<IReadOnlyList<InvitationResponse>> Of(Guid consultationId, CancellationToken cancellation = default)
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

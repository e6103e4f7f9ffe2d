using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Experts.Registry;

public sealed record Participation(Guid ProfileId, string UserName, string Name, int ConsultationsInvited, int FeedbackGiven, int ConsultationsWithFeedback);

public sealed class ParticipationQuery(IDocumentStore store)
{
    /// <summary>For each expert with an account: consultations invited to, feedback items given and consultations answered.</summary>
    public async Task<IReadOnlyList<Participation>> All(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var profiles = await session.Query<ExpertProfile>().Where(x => x.NormalizedUserName != null).ToListAsync(cancellation);
        var consultations = await session.Query<ConsultationDetails>().ToListAsync(cancellation);
        var feedback = await session.Query<FeedbackItem>().Select(x => new AuthoredItem(x.AuthorUserName, x.ConsultationId)).ToListAsync(cancellation);
        var byAuthor = feedback.ToLookup(f => f.AuthorUserName);
        return [.. profiles.OrderBy(p => p.SortName).Select(p => new Participation(
            p.Id, p.UserName!, p.TitledName,
            consultations.Count(c => c.InvitedExperts.Contains(p.UserName!, StringComparer.OrdinalIgnoreCase)),
            byAuthor[p.NormalizedUserName!].Count(),
            byAuthor[p.NormalizedUserName!].Select(f => f.ConsultationId).Distinct().Count()))];
    }

    private sealed record AuthoredItem(string AuthorUserName, Guid ConsultationId);
}

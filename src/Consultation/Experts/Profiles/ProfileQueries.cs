using Marten;

namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>One profile, by the account it belongs to or by id.</summary>
public sealed class ProfileQueries(IDocumentStore store)
{
    public async Task<ExpertProfile?> ByUserName(string userName, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await ByUserName(session, userName, cancellation);
    }

    public async Task<ExpertProfile?> Find(Guid id, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ExpertProfile>(id, cancellation);
    }

    internal static Task<ExpertProfile?> ByUserName(IQuerySession session, string userName, CancellationToken cancellation)
    {
        var normalized = ExpertProfile.Normalize(userName);
        return session.Query<ExpertProfile>().SingleOrDefaultAsync(x => x.NormalizedUserName == normalized, cancellation);
    }
}

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

    internal static async Task<ExpertProfile?> ByUserName(IQuerySession session, string userName, CancellationToken cancellation)
    {
        // SQL rather than LINQ, as in ProfileAuthors: every join of a live room asks this, and Marten parses a LINQ
        // query on every call. The condition is the expression of the unique index on the user name (ExpertsStore).
        if (ExpertProfile.Normalize(userName) is not { } normalized) return null;
        return (await session.QueryAsync<ExpertProfile>("where data ->> 'normalizedUserName' = ?", cancellation, normalized)).SingleOrDefault();
    }
}

using Marten;
using Marten.Services.BatchQuerying;

namespace Nq45Consult.Consultation.Consultations;

/// <summary>
/// Reads consultations inside the caller's transaction with a share lock on their documents. A status change
/// (open, close, publish responses) rewrites the document, so it waits for every transaction holding the lock, and a
/// transaction that asks after the change waits for it and reads the new status: a command decided on "open"
/// commits before the close is acknowledged, or is refused. Shared locks do not wait for each other, so concurrent
/// submissions do not queue behind one another here.
/// </summary>
public static class ConsultationLock
{
    /// <summary>The consultations of <paramref name="ids"/> that exist, locked in id order; the session must have begun its transaction.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ConsultationDetails>> Hold(IDocumentSession session, IEnumerable<Guid> ids, CancellationToken cancellation)
    {
        var found = await session.QueryAsync<ConsultationDetails>(Sql(session), cancellation, Wanted(ids));
        return found.ToDictionary(c => c.Id);
    }

    /// <summary>The same, read as part of <paramref name="batch"/> of <paramref name="session"/>'s reads; complete once the batch has run.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ConsultationDetails>> Hold(IDocumentSession session, IBatchedQuery batch, IEnumerable<Guid> ids)
    {
        var found = await batch.Query<ConsultationDetails>(Sql(session), Wanted(ids));
        return found.ToDictionary(c => c.Id);
    }

    private static Guid[] Wanted(IEnumerable<Guid> ids) => ids.Distinct().Order().ToArray();

    private static string Sql(IDocumentSession session) =>
        $"select data from {session.DocumentStore.Options.Schema.For<ConsultationDetails>()} where id = any(?) order by id for share";
}

using Marten;

namespace Nq45Consult.Consultation.Drafts.Consultations;

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
        var wanted = ids.Distinct().Order().ToArray();
        var table = session.DocumentStore.Options.Schema.For<ConsultationDetails>();
        var found = await session.QueryAsync<ConsultationDetails>($"select data from {table} where id = any(?) order by id for share", cancellation, wanted);
        return found.ToDictionary(c => c.Id);
    }
}

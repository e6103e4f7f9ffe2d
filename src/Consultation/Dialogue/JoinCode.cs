using Marten;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>
/// The short code people in a hall type to reach a session's room (<c>/s/3f9c07a1</c>): the last eight hex digits of
/// its id. Session ids are version-7 UUIDs, whose leading digits are a timestamp shared by sessions scheduled in the
/// same minute, while their trailing digits are random.
/// </summary>
public static class JoinCode
{
    public const int Length = 8;

    public static string Of(Guid sessionId) => sessionId.ToString("N")[^Length..];

    /// <summary>The session a code names; null when none does, when the code is malformed, or when two sessions share it.</summary>
    public static async Task<Guid?> Find(IQuerySession query, string code, CancellationToken cancellation = default)
    {
        if (code.Length != Length || !code.All(Uri.IsHexDigit)) return null;
        var suffix = code.ToLowerInvariant();
        var schema = query.DocumentStore.Options.Events.DatabaseSchemaName;
        var command = new Npgsql.NpgsqlCommand($"select id from {schema}.mt_streams where right(id::text, {Length}) = $1 limit 10")
        {
            Parameters = { new() { Value = suffix } },
        };
        var candidates = new List<Guid>();
        await using (var reader = await query.ExecuteReaderAsync(command, cancellation))
            while (await reader.ReadAsync(cancellation)) candidates.Add(reader.GetGuid(0));
        if (candidates.Count == 0) return null;
        // Every kind of stream has an id; only the ones a session was scheduled on are rooms.
        var sessions = await query.Events.QueryRawEventDataOnly<SessionScheduled>()
            .Where(e => candidates.Contains(e.SessionId)).Select(e => e.SessionId).ToListAsync(cancellation);
        return sessions.Count == 1 ? sessions[0] : null;
    }
}

using Marten;
using Microsoft.Extensions.Options;

namespace Nq45Consult.Consultation.Review.Dashboard;

/// <summary>Items whose argument reads nearly the same (campaign or copied comments), answered best as one.</summary>
public sealed record DuplicateGroup(IReadOnlyList<Guid> ItemIds, string Text)
{
    public int Count => ItemIds.Count;
}

/// <summary>
/// Groups a consultation's public items by pg_trgm similarity of their argument (at or above
/// <see cref="ReviewOptions.DuplicateThreshold"/>); pairs are joined transitively into groups. The pair search
/// compares every two items of one consultation, which suits the hundreds to low thousands a consultation gets.
/// </summary>
public sealed class NearDuplicates(IQuerySession session, IOptions<ReviewOptions> options)
{
    public async Task<IReadOnlyList<DuplicateGroup>> Groups(Guid consultationId, CancellationToken cancellation = default)
    {
        var table = $"{session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_feedbackitem";
        const string Public = "CAST({0}.data ->> 'consultationId' as uuid) = $1 and {0}.data ->> 'status' = 'Published'";
        var sql = $"""
            select a.id, b.id, a.data -> 'content' ->> 'rationale'
            from {table} a join {table} b on a.id < b.id
            where {string.Format(Public, "a")} and {string.Format(Public, "b")}
              and similarity(a.data -> 'content' ->> 'rationale', b.data -> 'content' ->> 'rationale') >= $2
            """;
        var command = new Npgsql.NpgsqlCommand(sql) { Parameters = { new() { Value = consultationId }, new() { Value = (float)options.Value.DuplicateThreshold } } };
        var parent = new Dictionary<Guid, Guid>();
        var texts = new Dictionary<Guid, string>();
        Guid Root(Guid id)
        {
            while (parent.TryGetValue(id, out var up) && up != id) id = up;
            return id;
        }
        await using (var reader = await session.ExecuteReaderAsync(command, cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                var (a, b) = (reader.GetGuid(0), reader.GetGuid(1));
                parent.TryAdd(a, a);
                parent.TryAdd(b, b);
                texts.TryAdd(a, reader.GetString(2));
                var (ra, rb) = (Root(a), Root(b));
                if (ra != rb) parent[rb] = ra;
            }
        }
        return [.. parent.Keys.GroupBy(Root)
            .Select(g => new DuplicateGroup([.. g.Order()], texts.GetValueOrDefault(g.Key) ?? texts[g.First(texts.ContainsKey)]))
            .OrderByDescending(g => g.Count)];
    }
}

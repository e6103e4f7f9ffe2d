using Marten;
using Microsoft.Extensions.Options;

namespace Nq45Consult.Consultation.Review.Dashboard;

/// <summary>Items whose argument reads nearly the same (campaign or copied comments), answered best as one.</summary>
public sealed record DuplicateGroup(IReadOnlyList<Guid> ItemIds, string Text)
{
    public int Count => ItemIds.Count;
}

/// <summary>The groups found; <see cref="Finished"/> is false when the search ran out of its time budget and found none.</summary>
public sealed record DuplicateSearch(IReadOnlyList<DuplicateGroup> Groups, bool Finished);

/// <summary>
/// Groups a consultation's public items by pg_trgm similarity of their argument (at or above
/// <see cref="ReviewOptions.DuplicateThreshold"/>); pairs are joined transitively into groups. Each item looks up
/// its look-alikes through the trigram index on the argument (<see cref="ReviewStore"/>) with the <c>%</c> operator
/// instead of computing similarity() for every pair. Each look-up still reads the posting lists of the item's
/// trigrams, which everyday words make as long as the consultation: the work stays quadratic, with a smaller
/// constant (docs/benchmarks.md), so the search stops after <see cref="ReviewOptions.DuplicateSearchSeconds"/>.
/// </summary>
public sealed class NearDuplicates(IQuerySession session, IOptions<ReviewOptions> options)
{
    /// <summary>The indexed expression (<see cref="ReviewStore"/>); the query spells it alike so that the planner uses the index.</summary>
    private static string Rationale(string alias) => $"({alias}.data -> 'content' ->> 'rationale')";

    public async Task<DuplicateSearch> Groups(Guid consultationId, CancellationToken cancellation = default)
    {
        var table = $"{session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_feedbackitem";
        const string Public = "CAST({0}.data ->> 'consultationId' as uuid) = @consultation and {0}.data ->> 'status' = 'Published'";
        // `%` reads its threshold from pg_trgm.similarity_threshold; set_config(…, true) scopes it to this transaction.
        var sql = $"""
            select a.id, b.id, a.data -> 'content' ->> 'rationale'
            from {table} a
            cross join lateral (
                select b.id from {table} b
                where {Rationale("b")} % {Rationale("a")} and b.id > a.id and {string.Format(Public, "b")}
            ) b
            where {string.Format(Public, "a")}
            """;
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var settings = new Npgsql.NpgsqlCommand(
            "select set_config('pg_trgm.similarity_threshold', @threshold, true), set_config('statement_timeout', @budget, true)", connection, transaction))
        {
            settings.Parameters.AddWithValue("threshold", options.Value.DuplicateThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
            settings.Parameters.AddWithValue("budget", $"{options.Value.DuplicateSearchSeconds}s");
            await settings.ExecuteScalarAsync(cancellation);
        }
        var parent = new Dictionary<Guid, Guid>();
        var texts = new Dictionary<Guid, string>();
        Guid Root(Guid id)
        {
            while (parent.TryGetValue(id, out var up) && up != id) id = up;
            return id;
        }
        try
        {
            await using var pairs = new Npgsql.NpgsqlCommand(sql, connection, transaction);
            pairs.Parameters.AddWithValue("consultation", consultationId);
            await using var reader = await pairs.ExecuteReaderAsync(cancellation);
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
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.QueryCanceled && !cancellation.IsCancellationRequested)
        {
            return new DuplicateSearch([], Finished: false);
        }
        await transaction.CommitAsync(cancellation);
        return new DuplicateSearch([.. parent.Keys.GroupBy(Root)
            .Select(g => new DuplicateGroup([.. g.Order()], texts.GetValueOrDefault(g.Key) ?? texts[g.First(texts.ContainsKey)]))
            .OrderByDescending(g => g.Count)], Finished: true);
    }
}

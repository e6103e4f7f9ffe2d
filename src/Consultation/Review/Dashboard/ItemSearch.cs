using Marten;
using Nq45Consult.Consultation.Feedback;
using Npgsql;

namespace Nq45Consult.Consultation.Review.Dashboard;

/// <summary>
/// The dashboard's search, insensitive to case and Vietnamese diacritics: each item document carries
/// <see cref="FeedbackItem.SearchText"/>, folded in C# when the projection writes it; the query is folded the same way
/// and matched with <c>like</c>, which a pg_trgm GIN index on that field answers (configured in <see cref="ReviewStore"/>).
/// Folding in SQL (<c>unaccent</c>) could not be indexed: it is not immutable, and Weasel drops an immutable wrapper
/// function, with the index on it, at every schema apply.
/// </summary>
public static class ItemSearch
{
    public const string IndexName = "mt_doc_feedbackitem_idx_search_text_trgm";

    /// <summary>The common search fold, so the registry's and the dashboard's searches treat "Hoàng Đức" and "hoang duc" alike.</summary>
    public static string Fold(string? text) => TextFold.Fold(text);

    /// <summary>The condition on an item document <c>d</c> and its parameter: the folded query anywhere in the folded text.</summary>
    public static (string Condition, string Pattern) Matching(string query) =>
        ("d.data ->> 'searchText' like ?", $"%{EscapeLike(Fold(query))}%");

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    /// <summary>
    /// Gives documents written before the field existed their search text, a batch at a time in id order; a no-op once
    /// every document has it. A document rewritten meanwhile already has its own and is left alone.
    /// </summary>
    public static async Task Backfill(IDocumentStore store, CancellationToken cancellation = default)
    {
        var table = store.Options.Schema.For<FeedbackItem>();
        await using var session = store.LightweightSession();
        var after = Guid.Empty;
        for (;;)
        {
            var ids = new List<Guid>();
            var texts = new List<string>();
            var select = new NpgsqlCommand($"""
                select id, data -> 'content' ->> 'rationale', data -> 'content' ->> 'proposedText' from {table}
                where id > $1 and data ->> 'searchText' is null order by id limit 1000
                """) { Parameters = { new() { Value = after } } };
            await using (var reader = await session.ExecuteReaderAsync(select, cancellation))
            {
                while (await reader.ReadAsync(cancellation))
                {
                    ids.Add(reader.GetGuid(0));
                    texts.Add(Fold($"{(reader.IsDBNull(1) ? "" : reader.GetString(1))} {(reader.IsDBNull(2) ? "" : reader.GetString(2))}"));
                }
            }
            if (ids.Count == 0) return;
            session.QueueSqlCommand($"""
                update {table} t set data = t.data || jsonb_build_object('searchText', v.text)
                from unnest(CAST(? as uuid[]), CAST(? as text[])) as v(id, text)
                where t.id = v.id and t.data ->> 'searchText' is null
                """, ids.ToArray(), texts.ToArray());
            await session.SaveChangesAsync(cancellation);
            after = ids[^1];
        }
    }
}

using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Search;

/// <summary>
/// The search over published drafts, feedback and responses, ranked by relevance (<c>ts_rank_cd</c>: headings weigh
/// more than bodies, close and repeated matches more than scattered ones, length normalised). The read rules are the
/// domain's own: only consultations the caller may see (<see cref="ConsultationQueries.Visible(IReadOnlyCollection{ConsultationStatus}, Caller?, CancellationToken)"/>),
/// hidden and withdrawn items only for those who may list them (<see cref="FeedbackQueries.SeesEveryStatus"/>),
/// responses only where <see cref="ItemDisclosure"/> shows them, authors as <see cref="ItemDisclosure"/> names them.
/// </summary>
public sealed class SearchQueries(IQuerySession session)
{
    public async Task<SearchResults> Search(SearchRequest request, Caller? caller, CancellationToken cancellation = default)
    {
        var consultations = await Consultations(request, caller, cancellation);
        var kinds = request.Kinds.ToArray();
        if (consultations.Count == 0) return new(request, [], 0);
        var everyStatus = FeedbackQueries.SeesEveryStatus(caller);
        var withResponses = consultations.Values.Where(c => ItemDisclosure.ResponseShown(c.ResponsesArePublic, caller)).Select(c => c.Id).ToArray();
        var table = $"{session.DocumentStore.Options.DatabaseSchemaName}.{SearchIndex.Table}";
        var offset = (request.Page - 1) * request.PageSize;
        // The matches are ranked once (a materialised CTE of keys and ranks), counted, and only the page is joined back
        // to its rows; a feedback or response row finds its section's heading through the section row's key. Ranking
        // reads each match's whole tsvector, so a word found nearly everywhere ranks only the first RankedAtMost + 1
        // matches the index gives: the total then reads "more than RankedAtMost".
        var command = new Npgsql.NpgsqlCommand($"""
            with q as (select websearch_to_tsquery('simple', $1) as query),
            m as materialized (
                select s.key, ts_rank_cd(s.document, q.query, 1) as rank
                from {table} s, q
                where s.document @@ q.query and s.consultation_id = any($2) and s.kind = any($3)
                  and ($4 or not (s.hidden or s.withdrawn))
                  and (s.kind <> '{SearchIndex.Response}' or s.consultation_id = any($5))
                limit $8
            )
            select c.total, s.kind, s.consultation_id, s.item_id, s.anchor, s.title, s.body, p.rank, coalesce(sec.title, '')
            from (select count(*) as total from m) c
            left join lateral (select key, rank from m order by rank desc, key limit $6 offset $7) p on true
            left join {table} s on s.key = p.key
            left join {table} sec on sec.key = 'd:' || s.consultation_id || ':' || s.anchor and s.kind <> '{SearchIndex.Draft}'
            order by p.rank desc, p.key
            """)
        {
            Parameters =
            {
                new() { Value = request.Folded }, new() { Value = consultations.Keys.ToArray() }, new() { Value = kinds }, new() { Value = everyStatus },
                new() { Value = withResponses }, new() { Value = Math.Clamp(RankedAtMost - offset, 0, request.PageSize) }, new() { Value = offset },
                new() { Value = RankedAtMost + 1 },
            },
        };
        long total = 0;
        var rows = new List<Row>();
        await using (var reader = await session.ExecuteReaderAsync(command, cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                total = reader.GetInt64(0);
                if (reader.IsDBNull(1)) continue;
                rows.Add(new(reader.GetString(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetString(4),
                    reader.GetString(5), reader.GetString(6), reader.GetFloat(7), reader.GetString(8)));
            }
        }
        var itemIds = rows.Where(r => r.ItemId is not null).Select(r => r.ItemId!.Value).Distinct().ToArray();
        var items = itemIds.Length == 0 ? new Dictionary<Guid, FeedbackItem>()
            : (await session.LoadManyAsync<FeedbackItem>(cancellation, itemIds)).ToDictionary(i => i.Id);
        var terms = Highlighting.Terms(request.Query);
        var hits = new List<SearchHit>();
        foreach (var row in rows)
        {
            var consultation = consultations[row.ConsultationId];
            if (row.ItemId is not { } itemId)
            {
                hits.Add(new(row.Kind, consultation, row.Anchor, Highlighting.Mark(row.Title, terms), Highlighting.Snippet(row.Body, terms), row.Rank, null));
                continue;
            }
            // The index said the caller may see it; the item's document, read now, has the last word.
            if (!items.TryGetValue(itemId, out var item) || !item.IsPublic && !everyStatus) continue;
            var shown = ItemDisclosure.For(item, caller, consultation.ResponsesArePublic);
            if (row.Kind == SearchIndex.Response && !shown.Response) continue;
            var author = shown.AuthorNamed ? item.Author.DisplayName : item.PublicAuthorName;
            hits.Add(new(row.Kind, consultation, row.Anchor, Highlighting.Mark(row.SectionTitle, terms), Highlighting.Snippet(row.Body, terms), row.Rank,
                new(item.Id, author, item.Stance, item.Status, row.Kind == SearchIndex.Response ? item.Response?.Decision : null)));
        }
        return new(request, hits, Math.Min(total, RankedAtMost)) { MoreThanTotal = total > RankedAtMost };
    }

    /// <summary>
    /// Matches ranked for one search. At 100,000 items a word found in 196,430 texts took 4.1 s to rank in full; the
    /// pages a person reads (250 of 20) fit well within this.
    /// </summary>
    public const int RankedAtMost = 5_000;

    /// <summary>The consultations the request looks in that the caller may see, by id.</summary>
    private async Task<IReadOnlyDictionary<Guid, ConsultationDetails>> Consultations(SearchRequest request, Caller? caller, CancellationToken cancellation)
    {
        var queries = new ConsultationQueries(session);
        var statuses = request.Status is { } status ? [status] : Enum.GetValues<ConsultationStatus>();
        var visible = await queries.Visible(statuses, caller, request.Field, title: null, cancellation);
        if (request.Consultation is { } wanted)
            visible = [.. visible.Where(c => string.Equals(c.Id.ToString(), wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Slug, wanted, StringComparison.OrdinalIgnoreCase))];
        return visible.ToDictionary(c => c.Id);
    }

    private sealed record Row(string Kind, Guid ConsultationId, Guid? ItemId, string Anchor, string Title, string Body, float Rank, string SectionTitle);
}

/// <summary>A page of results, best first, and how many matched in all (or, with <see cref="MoreThanTotal"/>, that more than <see cref="Total"/> did).</summary>
public sealed record SearchResults(SearchRequest Request, IReadOnlyList<SearchHit> Hits, long Total)
{
    /// <summary>More texts matched than were ranked (<see cref="SearchQueries.RankedAtMost"/>): the best of the rest are not shown.</summary>
    public bool MoreThanTotal { get; init; }

    public int Pages => (int)Math.Min(SearchRequest.MaxPage, (Total + Request.PageSize - 1) / Request.PageSize);
}

/// <summary>
/// One result: a section of a draft (<see cref="Item"/> null) or a feedback item or its response. <see cref="Heading"/>
/// is the section's number and heading, <see cref="Snippet"/> the text around the match; both with matching words marked.
/// </summary>
public sealed record SearchHit(
    string Kind, ConsultationDetails Consultation, string Anchor, HighlightedText Heading, HighlightedText Snippet, double Rank, SearchItem? Item)
{
    /// <summary>Where the hit is read: the section's anchor on the consultation's page, or the item's.</summary>
    public string Url => Item is { } item
        ? $"/consultations/{Uri.EscapeDataString(Consultation.Slug)}#item-{item.Id}"
        : $"/consultations/{Uri.EscapeDataString(Consultation.Slug)}#{Uri.EscapeDataString(Anchor)}";
}

/// <summary>The feedback item of a hit as the caller may see it: the author's name only when disclosed, else "Ẩn danh" or the unnamed expert.</summary>
public sealed record SearchItem(Guid Id, string AuthorName, Stance Stance, FeedbackStatus Status, ResponseDecision? Decision);

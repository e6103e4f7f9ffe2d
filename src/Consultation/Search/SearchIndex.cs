using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Nq45Consult.Consultation.Search;

/// <summary>
/// The search's read model: one row per section of each consultation's current draft version, per feedback item and
/// per response, with the text as written (for snippets) and a <c>tsvector</c> of the text folded in C#
/// (<see cref="TextFold"/>: lower case, no diacritics, đ as d), under a GIN index. Rows are written by
/// <see cref="SearchIndexProjection"/>, inline, in the transaction of the events that change them; nothing here decides
/// who may read a row: the query passes the caller's visible consultations and whether hidden items count
/// (<see cref="SearchQueries"/>). Authors are not indexed: a search can never find an anonymous item by its author.
/// </summary>
public static class SearchIndex
{
    public const string Table = "search_entries";
    public const string BuiltTable = "search_entries_built";
    public const string IndexName = "search_entries_idx_document";

    /// <summary>Kinds of rows, as the API names them.</summary>
    public const string Draft = "draft", Feedback = "feedback", Response = "response";

    public static void Configure(StoreOptions options)
    {
        var schema = options.DatabaseSchemaName;
        var table = new Table(new PostgresqlObjectName(schema, Table, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn("key", "text").AsPrimaryKey();
        table.AddColumn("kind", "text").NotNull();
        table.AddColumn<Guid>("consultation_id").NotNull().AddIndex();
        table.AddColumn<Guid>("item_id").AddIndex();
        table.AddColumn("anchor", "text").NotNull();
        table.AddColumn("title", "text").NotNull();
        table.AddColumn("body", "text").NotNull();
        table.AddColumn<bool>("hidden").NotNull();
        table.AddColumn<bool>("withdrawn").NotNull();
        table.AddColumn<int>("position").NotNull();
        table.AddColumn("document", "tsvector").NotNull();
        table.Indexes.Add(new IndexDefinition(IndexName) { Columns = ["document"], Method = IndexMethod.gin });
        var built = new Table(new PostgresqlObjectName(schema, BuiltTable, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        built.AddColumn<int>("id").AsPrimaryKey();
        built.AddColumn("built_at", "timestamptz").NotNull();
        options.Storage.ExtendedSchemaObjects.AddRange([table, built]);
        options.Projections.Add(new SearchIndexProjection(schema), JasperFx.Events.Projections.ProjectionLifecycle.Inline);
    }

    /// <summary>The key of a section's row, also how a feedback row finds its section's heading.</summary>
    public static string SectionKey(Guid consultationId, string anchor) => $"d:{consultationId}:{anchor}";

    public static string ItemKey(Guid itemId) => $"f:{itemId}";

    public static string ResponseKey(Guid itemId) => $"r:{itemId}";

    /// <summary>The section's heading as a result shows it: "III. Nhiệm vụ".</summary>
    public static string SectionTitle(SectionSnapshot section) => string.Join(" ", new[] { section.Number, section.Heading }.Where(t => t.Length > 0));

    /// <summary>An item's searchable text as written: its argument, then its proposed wording.</summary>
    public static string ItemText(FeedbackContent content) =>
        string.IsNullOrWhiteSpace(content.ProposedText) ? content.Rationale : $"{content.Rationale}\n\n{content.ProposedText}";

    /// <summary>Replaces the draft rows of a consultation by the sections of the version just published.</summary>
    public static void Sections(IDocumentOperations operations, string schema, Guid consultationId, IReadOnlyList<SectionSnapshot> sections)
    {
        operations.QueueSqlCommand($"delete from {schema}.{Table} where kind = '{Draft}' and consultation_id = ?", consultationId);
        if (sections.Count == 0) return;
        var titles = sections.Select(SectionTitle).ToArray();
        operations.QueueSqlCommand($"""
            insert into {schema}.{Table} (key, kind, consultation_id, anchor, title, body, hidden, withdrawn, position, document)
            select v.key, '{Draft}', ?, v.anchor, v.title, v.body, false, false, v.position,
                   setweight(to_tsvector('simple', v.folded_title), 'A') || setweight(to_tsvector('simple', v.folded_body), 'B')
            from unnest(CAST(? as text[]), CAST(? as text[]), CAST(? as text[]), CAST(? as text[]), CAST(? as int[]), CAST(? as text[]), CAST(? as text[]))
                 as v(key, anchor, title, body, position, folded_title, folded_body)
            on conflict (key) do update set title = excluded.title, body = excluded.body, position = excluded.position, document = excluded.document
            """,
            consultationId,
            sections.Select(s => SectionKey(consultationId, s.Anchor)).ToArray(),
            sections.Select(s => s.Anchor).ToArray(),
            titles,
            sections.Select(s => s.Text).ToArray(),
            sections.Select(s => s.Order).ToArray(),
            titles.Select(TextFold.Fold).ToArray(),
            sections.Select(s => TextFold.Fold(s.Text)).ToArray());
    }

    /// <summary>Writes (or rewrites) an item's row: its text and state.</summary>
    public static void Item(IDocumentOperations operations, string schema, Guid itemId, Guid consultationId, string? anchor,
        FeedbackContent content, bool hidden, bool withdrawn)
    {
        var text = ItemText(content);
        operations.QueueSqlCommand($"""
            insert into {schema}.{Table} (key, kind, consultation_id, item_id, anchor, title, body, hidden, withdrawn, position, document)
            values (?, '{Feedback}', ?, ?, ?, '', ?, ?, ?, 0, setweight(to_tsvector('simple', ?), 'B'))
            on conflict (key) do update set body = excluded.body, hidden = excluded.hidden, withdrawn = excluded.withdrawn, document = excluded.document
            """, ItemKey(itemId), consultationId, itemId, anchor ?? "", text, hidden, withdrawn, TextFold.Fold(text));
    }

    /// <summary>A revised item's new text.</summary>
    public static void Revised(IDocumentOperations operations, string schema, Guid itemId, FeedbackContent content)
    {
        var text = ItemText(content);
        operations.QueueSqlCommand($"update {schema}.{Table} set body = ?, document = setweight(to_tsvector('simple', ?), 'B') where key = ?",
            text, TextFold.Fold(text), ItemKey(itemId));
    }

    /// <summary>Marks an item and its response hidden (or not).</summary>
    public static void Hidden(IDocumentOperations operations, string schema, Guid itemId, bool hidden) =>
        operations.QueueSqlCommand($"update {schema}.{Table} set hidden = ? where item_id = ?", hidden, itemId);

    /// <summary>Marks an item and its response withdrawn.</summary>
    public static void Withdrawn(IDocumentOperations operations, string schema, Guid itemId) =>
        operations.QueueSqlCommand($"update {schema}.{Table} set withdrawn = true where item_id = ?", itemId);

    /// <summary>Writes an item's response row from its explanation, under the item's section and with the item's state.</summary>
    public static void Responded(IDocumentOperations operations, string schema, Guid itemId, string? explanation)
    {
        var text = explanation ?? "";
        operations.QueueSqlCommand($"""
            insert into {schema}.{Table} (key, kind, consultation_id, item_id, anchor, title, body, hidden, withdrawn, position, document)
            select ?, '{Response}', f.consultation_id, f.item_id, f.anchor, '', ?, f.hidden, f.withdrawn, 0, setweight(to_tsvector('simple', ?), 'B')
            from {schema}.{Table} f where f.key = ?
            on conflict (key) do update set body = excluded.body, document = excluded.document
            """, ResponseKey(itemId), text, TextFold.Fold(text), ItemKey(itemId));
    }

    /// <summary>
    /// Fills the index from the documents, once per database: when it has never been built (data written before the
    /// search existed), or always with <paramref name="force"/>. The table is locked first, so writers wait and then
    /// write their rows over the rebuilt ones; what was committed before is read here.
    /// </summary>
    public static async Task Rebuild(IDocumentStore store, bool force = false, CancellationToken cancellation = default)
    {
        var schema = store.Options.DatabaseSchemaName;
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        await using (await session.ExecuteReaderAsync(new Npgsql.NpgsqlCommand($"lock table {schema}.{Table}, {schema}.{BuiltTable} in share row exclusive mode"), cancellation))
        {
        }
        await using (var built = await session.ExecuteReaderAsync(new Npgsql.NpgsqlCommand($"select 1 from {schema}.{BuiltTable}"), cancellation))
        {
            if (!force && await built.ReadAsync(cancellation)) return;
        }
        session.QueueSqlCommand($"delete from {schema}.{BuiltTable}");
        session.QueueSqlCommand($"delete from {schema}.{Table}");
        var consultations = await session.Query<ConsultationDetails>().Where(c => c.CurrentVersion > 0).ToListAsync(cancellation);
        foreach (var consultation in consultations)
        {
            if (await session.LoadAsync<DraftVersion>(DraftVersion.IdOf(consultation.Id, consultation.CurrentVersion), cancellation) is { } version)
                Sections(session, schema, consultation.Id, version.Sections);
        }
        await foreach (var item in session.Query<FeedbackItem>().ToAsyncEnumerable(cancellation))
        {
            Item(session, schema, item.Id, item.ConsultationId, item.SectionAnchor, item.Content, item.Hidden, item.Withdrawn);
            if (item.Response is { } response) Responded(session, schema, item.Id, response.Explanation);
        }
        session.QueueSqlCommand($"insert into {schema}.{BuiltTable} (id, built_at) values (1, now())");
        await session.SaveChangesAsync(cancellation);
    }
}

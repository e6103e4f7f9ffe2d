using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Nq45Consult.Consultation.Feedback.Likeness;

/// <summary>
/// One row per feedback item: its LSH band buckets and MinHash sketch (<see cref="TextLikeness.Sign(string?)"/>) and
/// whether it is public, written in the same transaction as the item's events (<see cref="LikenessChanges"/>, queued by
/// <see cref="Counting.FeedbackTally"/>), so near-duplicate grouping reads signatures instead of comparing texts.
/// <c>stamp</c> is the id of the transaction that last wrote the row: a consultation's row count and sum of stamps
/// change with every write to its items' rows, which keys the cached groups.
/// </summary>
public static class LikenessSignatures
{
    public const string Table = "feedback_likeness";

    public static void Configure(StoreOptions options)
    {
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, Table, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("feedback_id").AsPrimaryKey();
        table.AddColumn<Guid>("consultation_id").NotNull().AddIndex();
        table.AddColumn<bool>("visible").NotNull();
        // Buckets and sketch in one bytea (<see cref="Pack"/>): read as bytes, where a bigint[] costs PostgreSQL and
        // Npgsql a call per element.
        table.AddColumn("signature", "bytea").NotNull();
        table.AddColumn<long>("stamp").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>A public item's signature, as the grouping reads it.</summary>
    public sealed record Signed(Guid Id, LikenessSignature Signature);

    /// <summary>
    /// What the grouping of a consultation depends on, changed by every write to it: the number of its rows and the
    /// sum of their stamps (a rewritten row gets a new transaction id).
    /// </summary>
    public static async Task<string> Version(IQuerySession session, Guid consultationId, CancellationToken cancellation = default)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var command = new Npgsql.NpgsqlCommand($"select count(*)::text || ':' || coalesce(sum(stamp), 0)::text from {schema}.{Table} where consultation_id = $1")
        {
            Parameters = { new() { Value = consultationId } },
        };
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        await reader.ReadAsync(cancellation);
        return reader.GetString(0);
    }

    /// <summary>The consultation's public items with their signatures, oldest first.</summary>
    public static async Task<IReadOnlyList<Signed>> Public(IQuerySession session, Guid consultationId, CancellationToken cancellation = default)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var command = new Npgsql.NpgsqlCommand($"select feedback_id, signature from {schema}.{Table} where consultation_id = $1 and visible order by feedback_id")
        {
            Parameters = { new() { Value = consultationId } },
        };
        var signed = new List<Signed>();
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        while (await reader.ReadAsync(cancellation))
            signed.Add(new(reader.GetGuid(0), Unpack(reader.GetFieldValue<byte[]>(1))));
        return signed;
    }

    /// <summary>The arguments of <paramref name="ids"/>, by id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> Arguments(IQuerySession session, IReadOnlyCollection<Guid> ids, CancellationToken cancellation = default)
    {
        var arguments = new Dictionary<Guid, string>();
        if (ids.Count == 0) return arguments;
        var command = new Npgsql.NpgsqlCommand($"select id, coalesce(data -> 'content' ->> 'rationale', '') from {session.DocumentStore.Options.Schema.For<FeedbackItem>()} where id = any($1)")
        {
            Parameters = { new() { Value = ids.ToArray() } },
        };
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        while (await reader.ReadAsync(cancellation)) arguments[reader.GetGuid(0)] = reader.GetString(1);
        return arguments;
    }

    /// <summary>The buckets as little-endian 8-byte numbers, then the sketch.</summary>
    public static byte[] Pack(LikenessSignature signature)
    {
        var bytes = new byte[signature.Buckets.Length * sizeof(long) + signature.Sketch.Length];
        for (var band = 0; band < signature.Buckets.Length; band++)
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(band * sizeof(long)), signature.Buckets[band]);
        signature.Sketch.CopyTo(bytes, signature.Buckets.Length * sizeof(long));
        return bytes;
    }

    public static LikenessSignature Unpack(byte[] bytes)
    {
        if (bytes.Length == 0) return new([], []);
        var buckets = new long[TextLikeness.Bands];
        for (var band = 0; band < buckets.Length; band++)
            buckets[band] = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(band * sizeof(long)));
        return new(buckets, bytes[(buckets.Length * sizeof(long))..]);
    }

    /// <summary>
    /// Signs every item that has no row yet (items written before signatures existed); a no-op afterwards. The table is
    /// locked first, so a writer waits and then changes the rows written here; items committed before are read here.
    /// </summary>
    public static async Task Backfill(IDocumentStore store, CancellationToken cancellation = default)
    {
        var table = $"{store.Options.DatabaseSchemaName}.{Table}";
        var items = store.Options.Schema.For<FeedbackItem>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var lockTable = new Npgsql.NpgsqlCommand($"lock table {table} in share row exclusive mode", connection, transaction))
            await lockTable.ExecuteNonQueryAsync(cancellation);
        var unsigned = new List<(Guid Id, Guid Consultation, bool Visible, string Text)>();
        await using (var read = new Npgsql.NpgsqlCommand($"""
            select d.id, CAST(d.data ->> 'consultationId' as uuid), d.data ->> 'status' = 'Published', coalesce(d.data -> 'content' ->> 'rationale', '')
            from {items} d where not exists (select from {table} s where s.feedback_id = d.id)
            """, connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
                unsigned.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetBoolean(2), reader.GetString(3)));
        }
        if (unsigned.Count > 0)
        {
            long stamp;
            await using (var current = new Npgsql.NpgsqlCommand("select txid_current()", connection, transaction))
                stamp = (long)(await current.ExecuteScalarAsync(cancellation))!;
            await using var import = await connection.BeginBinaryImportAsync(
                $"copy {table} (feedback_id, consultation_id, visible, signature, stamp) from stdin (format binary)", cancellation);
            foreach (var (id, consultation, visible, text) in unsigned)
            {
                await import.StartRowAsync(cancellation);
                await import.WriteAsync(id, NpgsqlTypes.NpgsqlDbType.Uuid, cancellation);
                await import.WriteAsync(consultation, NpgsqlTypes.NpgsqlDbType.Uuid, cancellation);
                await import.WriteAsync(visible, NpgsqlTypes.NpgsqlDbType.Boolean, cancellation);
                await import.WriteAsync(Pack(TextLikeness.Sign(text)), NpgsqlTypes.NpgsqlDbType.Bytea, cancellation);
                await import.WriteAsync(stamp, NpgsqlTypes.NpgsqlDbType.Bigint, cancellation);
            }
            await import.CompleteAsync(cancellation);
        }
        await transaction.CommitAsync(cancellation);
    }
}

/// <summary>
/// The signature rows one transaction changes: an item's signature when it is submitted or revised, its visibility when
/// it is withdrawn, hidden or restored. Queued on the session and committed with the items' events.
/// </summary>
public sealed class LikenessChanges
{
    private readonly SortedDictionary<Guid, (Guid Consultation, bool Visible, LikenessSignature? Signature)> changes = [];

    public void Change(FeedbackState? before, FeedbackState? after, IEnumerable<object> events)
    {
        if (after is null) return;
        var visible = !after.Withdrawn && !after.Hidden;
        var content = events.Select(e => e switch
        {
            FeedbackSubmitted submitted => submitted.Content,
            FeedbackRevised revised => revised.Content,
            _ => null,
        }).LastOrDefault(c => c is not null);
        var wasVisible = before is { Withdrawn: false, Hidden: false };
        if (content is null && wasVisible == visible) return;
        var signature = content is null ? changes.GetValueOrDefault(after.Id).Signature : TextLikeness.Sign(content.Rationale);
        changes[after.Id] = (after.ConsultationId, visible, signature);
    }

    public void Queue(IDocumentSession session)
    {
        var table = $"{session.DocumentStore.Options.DatabaseSchemaName}.{LikenessSignatures.Table}";
        foreach (var (id, (consultation, visible, signature)) in changes)
        {
            if (signature is null)
                session.QueueSqlCommand($"update {table} set visible = ?, stamp = txid_current() where feedback_id = ?", visible, id);
            else
                session.QueueSqlCommand($"""
                    insert into {table} (feedback_id, consultation_id, visible, signature, stamp) values (?, ?, ?, ?, txid_current())
                    on conflict (feedback_id) do update set visible = excluded.visible, signature = excluded.signature, stamp = excluded.stamp
                    """, id, consultation, visible, LikenessSignatures.Pack(signature));
        }
    }
}

using System.Text.Json;
using Marten;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Nq45Consult.Consultation.Feedback.Counting;

/// <summary>
/// What one public item adds to its consultation's counters: one under its section, stance and whether it was
/// answered; one to its author's participation; one to the day it was submitted (Vietnam time). Withdrawn and
/// hidden items add nothing. A participant's fields of expertise are those of their latest submission.
/// </summary>
public sealed record CountedItem(Guid ConsultationId, string Anchor, Stance Stance, bool Responded, string Author, IReadOnlyList<string> Fields, DateOnly Day)
{
    /// <summary>Vietnam keeps UTC+7 all year (no daylight saving), so a day is the same here and in SQL's Asia/Ho_Chi_Minh.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static CountedItem? Of(FeedbackState? item) => item is null || item.Withdrawn || item.Hidden ? null : new(
        item.ConsultationId, item.SectionAnchor ?? "", item.Stance, item.Responded, item.AuthorUserName.ToUpperInvariant(),
        item.AuthorFields ?? [], DateOnly.FromDateTime(item.SubmittedAt.ToOffset(VietnamOffset).DateTime));
}

/// <summary>
/// Exact per-consultation counters of public feedback, kept in three small tables and changed by deltas in the same
/// transaction as the events that change an item (submit, revise, withdraw, hide, restore, respond): each
/// command notes its items' contribution before and after in a <see cref="FeedbackTally"/>, which queues
/// <c>insert … on conflict do update set n = n + delta</c>. Concurrent writers add to the same row under its row lock,
/// so nothing is lost (unlike an inline multi-stream projection, which reads, changes and overwrites a document).
/// Reads (summary, dashboard, progress) are then a few hundred rows whatever the number of items.
/// </summary>
public static class FeedbackCounters
{
    public const string SectionsTable = "feedback_section_counts";
    public const string ParticipantsTable = "feedback_participant_counts";
    public const string DaysTable = "feedback_day_counts";
    public const string RebuiltTable = "feedback_counts_rebuilt";

    public static void Configure(StoreOptions options)
    {
        var schema = options.DatabaseSchemaName;
        var sections = new Table(new PostgresqlObjectName(schema, SectionsTable, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        sections.AddColumn<Guid>("consultation_id").AsPrimaryKey();
        sections.AddColumn("section_anchor", "text").AsPrimaryKey();
        sections.AddColumn("stance", "text").AsPrimaryKey();
        sections.AddColumn<bool>("responded").AsPrimaryKey();
        sections.AddColumn<int>("n").NotNull();
        var participants = new Table(new PostgresqlObjectName(schema, ParticipantsTable, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        participants.AddColumn<Guid>("consultation_id").AsPrimaryKey();
        participants.AddColumn("author", "text").AsPrimaryKey();
        participants.AddColumn("fields", "jsonb").NotNull();
        participants.AddColumn<int>("n").NotNull();
        var days = new Table(new PostgresqlObjectName(schema, DaysTable, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        days.AddColumn<Guid>("consultation_id").AsPrimaryKey();
        days.AddColumn("day", "date").AsPrimaryKey();
        days.AddColumn<int>("n").NotNull();
        var rebuilt = new Table(new PostgresqlObjectName(schema, RebuiltTable, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        rebuilt.AddColumn<int>("id").AsPrimaryKey();
        rebuilt.AddColumn("rebuilt_at", "timestamptz").NotNull();
        options.Storage.ExtendedSchemaObjects.AddRange([sections, participants, days, rebuilt]);
    }

    /// <summary>
    /// Counts every item from its inline document, once per database: when the counters have never been built (data
    /// written before they existed), or always with <paramref name="force"/>. The counter tables are locked first, so
    /// writers wait and then add their deltas to the rebuilt rows; items committed before are in the recount, their
    /// earlier deltas replaced.
    /// </summary>
    public static async Task Rebuild(IDocumentStore store, bool force = false, CancellationToken cancellation = default)
    {
        var schema = store.Options.DatabaseSchemaName;
        var items = store.Options.Schema.For<FeedbackItem>();
        var (sections, participants, days, rebuilt) = ($"{schema}.{SectionsTable}", $"{schema}.{ParticipantsTable}", $"{schema}.{DaysTable}", $"{schema}.{RebuiltTable}");
        const string Public = "d.data ->> 'status' = 'Published'";
        var notYet = $"not exists (select from {rebuilt})";
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"lock table {sections}, {participants}, {days}, {rebuilt} in share row exclusive mode");
        if (force) session.QueueSqlCommand($"delete from {rebuilt}");
        session.QueueSqlCommand($"delete from {sections} where {notYet}");
        session.QueueSqlCommand($"delete from {participants} where {notYet}");
        session.QueueSqlCommand($"delete from {days} where {notYet}");
        session.QueueSqlCommand($"""
            insert into {sections} (consultation_id, section_anchor, stance, responded, n)
            select CAST(d.data ->> 'consultationId' as uuid), coalesce(d.data ->> 'sectionAnchor', ''), d.data ->> 'stance',
                   jsonb_typeof(d.data -> 'response') = 'object', count(*)
            from {items} d where {Public} and {notYet} group by 1, 2, 3, 4
            """);
        session.QueueSqlCommand($"""
            insert into {participants} (consultation_id, author, fields, n)
            select CAST(d.data ->> 'consultationId' as uuid), d.data ->> 'authorUserName',
                   (array_agg(case jsonb_typeof(d.data -> 'author' -> 'fields') when 'array' then d.data -> 'author' -> 'fields' else '[]' end
                              order by CAST(d.data ->> 'submittedAt' as timestamptz) desc))[1],
                   count(*) filter (where {Public})
            from {items} d where {notYet} group by 1, 2
            """);
        session.QueueSqlCommand($"""
            insert into {days} (consultation_id, day, n)
            select CAST(d.data ->> 'consultationId' as uuid), (CAST(d.data ->> 'submittedAt' as timestamptz) at time zone 'Asia/Ho_Chi_Minh')::date, count(*)
            from {items} d where {Public} and {notYet} group by 1, 2
            """);
        session.QueueSqlCommand($"insert into {rebuilt} (id, rebuilt_at) select 1, now() where {notYet}");
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>A consultation's counters in one statement; with <paramref name="anchorsOf"/>, that draft version's anchors in order.</summary>
    public static async Task<CountedConsultation> Read(IQuerySession session, Guid consultationId, string? anchorsOf, CancellationToken cancellation = default)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var versions = session.DocumentStore.Options.Schema.For<Consultations.DraftVersion>();
        // Plain rows of one shape (kind, key, stance, n, responded), read as they come: no JSON built or parsed.
        var sql = $"""
            select 'a', s.section ->> 'anchor', null, s.position, 0
            from {versions} v, jsonb_array_elements(v.data -> 'sections') with ordinality s(section, position) where v.id = $2
            union all
            select 'g', section_anchor, stance, sum(n), coalesce(sum(n) filter (where responded), 0)
            from {schema}.{SectionsTable} where consultation_id = $1 group by 2, 3 having sum(n) <> 0
            union all
            select 'p', null, null, count(*), 0 from {schema}.{ParticipantsTable} where consultation_id = $1 and n > 0
            union all
            select 'f', field, null, count(*), 0 from {schema}.{ParticipantsTable} p, jsonb_array_elements_text(p.fields) field
            where p.consultation_id = $1 and p.n > 0 group by 2
            union all
            select 'd', d.day::text, null, d.n, 0 from {schema}.{DaysTable} d where d.consultation_id = $1 and d.n <> 0
            """;
        var command = new Npgsql.NpgsqlCommand(sql) { Parameters = { new() { Value = consultationId }, new() { Value = anchorsOf ?? "" } } };
        var anchors = new List<(long Position, string Anchor)>();
        var groups = new List<CountedGroup>();
        var participants = 0;
        var byField = new Dictionary<string, int>();
        var days = new List<CountedDay>();
        await using (var reader = await session.ExecuteReaderAsync(command, cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                var n = Convert.ToInt32(reader.GetValue(3));
                switch (reader.GetString(0))
                {
                    case "a": anchors.Add((n, reader.GetString(1))); break;
                    case "g":
                        var anchor = reader.GetString(1);
                        groups.Add(new(anchor.Length == 0 ? null : anchor, Enum.Parse<Stance>(reader.GetString(2), ignoreCase: true), n, Convert.ToInt32(reader.GetValue(4))));
                        break;
                    case "p": participants = n; break;
                    case "f": byField[reader.GetString(1)] = n; break;
                    default: days.Add(new(DateOnly.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture), n)); break;
                }
            }
        }
        return new([.. anchors.OrderBy(a => a.Position).Select(a => a.Anchor)], groups, participants, byField, [.. days.OrderBy(d => d.Day)]);
    }
}

/// <summary>A consultation's public items as the counters hold them: by section, stance and answer; participants; per day.</summary>
public sealed record CountedConsultation(
    IReadOnlyList<string> Anchors, IReadOnlyList<CountedGroup> Groups, int Participants, IReadOnlyDictionary<string, int> ByField, IReadOnlyList<CountedDay> Days)
{
    public Dictionary<Stance, int> ByStance(Func<CountedGroup, bool>? where = null)
    {
        var counts = Enum.GetValues<Stance>().ToDictionary(s => s, _ => 0);
        foreach (var group in Groups.Where(where ?? (_ => true))) counts[group.Stance] += group.Count;
        return counts;
    }
}

/// <summary>Public items of a section (null: general remarks) with one stance; <see cref="Responded"/> of them have a response.</summary>
public sealed record CountedGroup(string? Anchor, Stance Stance, int Count, int Responded);

public sealed record CountedDay(DateOnly Day, int Count);

/// <summary>
/// The counter deltas of one transaction: each changed item is noted with its state before and after; the sum per
/// counter row is queued on the session, rows in one fixed order (so two transactions never wait on each other's
/// rows in a cycle), and committed with the items' events. The items' near-duplicate signatures change with them
/// (<see cref="Likeness.LikenessChanges"/>), so every write that counts an item also signs it.
/// </summary>
public sealed class FeedbackTally
{
    // Ordinal order, the same in every process whatever its culture.
    private readonly SortedDictionary<(Guid, string, string, bool), int> sections = new(Comparer<(Guid, string, string, bool)>.Create((a, b) =>
        new[] { a.Item1.CompareTo(b.Item1), string.CompareOrdinal(a.Item2, b.Item2), string.CompareOrdinal(a.Item3, b.Item3), a.Item4.CompareTo(b.Item4) }
            .FirstOrDefault(c => c != 0)));
    private readonly SortedDictionary<(Guid, string), (int N, IReadOnlyList<string>? Fields)> participants = new(Comparer<(Guid, string)>.Create((a, b) =>
        a.Item1.CompareTo(b.Item1) is not 0 and var c ? c : string.CompareOrdinal(a.Item2, b.Item2)));
    private readonly SortedDictionary<(Guid, DateOnly), int> days = [];
    private readonly Likeness.LikenessChanges signatures = new();

    /// <summary>Notes an item that went from <paramref name="before"/> (null: new) through <paramref name="events"/>.</summary>
    public void Change(FeedbackState? before, IEnumerable<object> events)
    {
        var after = events.Aggregate(before, FeedbackState.After);
        signatures.Change(before, after, events);
        var (was, now) = (CountedItem.Of(before), CountedItem.Of(after));
        if (was == now) return;
        if (was is not null) Add(was, -1, newFields: null);
        // A participant's fields are those of their latest submission.
        if (now is not null) Add(now, +1, newFields: before is null ? now.Fields : null);
    }

    private void Add(CountedItem item, int delta, IReadOnlyList<string>? newFields)
    {
        var section = (item.ConsultationId, item.Anchor, item.Stance.ToString(), item.Responded);
        sections[section] = sections.GetValueOrDefault(section) + delta;
        var author = (item.ConsultationId, item.Author);
        var (n, fields) = participants.GetValueOrDefault(author);
        participants[author] = (n + delta, newFields ?? fields);
        var day = (item.ConsultationId, item.Day);
        days[day] = days.GetValueOrDefault(day) + delta;
    }

    public void Queue(IDocumentSession session)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        foreach (var ((consultation, anchor, stance, responded), n) in sections.Where(s => s.Value != 0))
            session.QueueSqlCommand($"""
                insert into {schema}.{FeedbackCounters.SectionsTable} as t (consultation_id, section_anchor, stance, responded, n) values (?, ?, ?, ?, ?)
                on conflict (consultation_id, section_anchor, stance, responded) do update set n = t.n + excluded.n
                """, consultation, anchor, stance, responded, n);
        foreach (var ((consultation, author), (n, fields)) in participants.Where(p => p.Value.N != 0 || p.Value.Fields is not null))
            session.QueueSqlCommand($"""
                insert into {schema}.{FeedbackCounters.ParticipantsTable} as t (consultation_id, author, fields, n) values (?, ?, CAST(? as jsonb), ?)
                on conflict (consultation_id, author) do update set n = t.n + excluded.n,
                    fields = case when ? then excluded.fields else t.fields end
                """, consultation, author, JsonSerializer.Serialize(fields ?? []), n, fields is not null);
        foreach (var ((consultation, day), n) in days.Where(d => d.Value != 0))
            session.QueueSqlCommand($"""
                insert into {schema}.{FeedbackCounters.DaysTable} as t (consultation_id, day, n) values (?, ?, ?)
                on conflict (consultation_id, day) do update set n = t.n + excluded.n
                """, consultation, day, n);
        signatures.Queue(session);
    }
}

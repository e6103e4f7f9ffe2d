using System.Text;
using Marten;
using Npgsql;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Drafts.Naming;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Counting;

namespace Nq45Consult.Consultation.Review.Dashboard;

/// <summary>
/// One row of the heat map: a section of the current draft with its feedback count, stance mix and answers.
/// <see cref="Name"/> is its name's structure (null for general remarks and sections of earlier versions);
/// <see cref="ByField"/> counts its items under each of their author's fields (keys: <see cref="DashboardData.Fields"/>).
/// </summary>
public sealed record SectionHeat(string? Anchor, string Label, int Level, int Feedback, IReadOnlyDictionary<Stance, int> ByStance, int Responded)
{
    public SectionName? Name { get; init; }
    public IReadOnlyDictionary<string, int> ByField { get; init; } = new Dictionary<string, int>();
}

public sealed record DayCount(DateOnly Day, int Feedback);

/// <summary>Everything the dashboard draws, over the public items (withdrawn and hidden left out, as in every count).</summary>
public sealed record DashboardData(
    IReadOnlyList<SectionHeat> Sections,
    IReadOnlyDictionary<Stance, int> ByStance,
    IReadOnlyList<DayCount> OverTime,
    int ExpertsInvited,
    int Participants,
    int Items,
    int Responded)
{
    public int MaxPerSection => Sections.Count == 0 ? 0 : Sections.Max(s => s.Feedback);

    /// <summary>The field columns of the heat map's field views: the configured fields, others items still carry, then <see cref="FeedbackBreakdown.NoneKey"/>.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Items of each stance under each of their author's fields.</summary>
    public IReadOnlyDictionary<Stance, IReadOnlyDictionary<string, int>> ByStanceAndField { get; init; } = new Dictionary<Stance, IReadOnlyDictionary<string, int>>();

    /// <summary>The author's field the heat map is narrowed to (sections, their fields, stance by field), null for all; charts and totals are not narrowed.</summary>
    public string? Field { get; init; }
}

/// <summary>Public items of one section (null: general remarks) and stance whose author has one field (<see cref="FeedbackBreakdown.NoneKey"/>: none).</summary>
internal sealed record FieldCell(string? Anchor, Stance Stance, string Field, int Count, int Responded);

/// <summary>
/// The dashboard's reads. Counts come from the per-consultation counters; the item
/// list is a filtered page of documents, searched through <see cref="ItemSearch"/> so "quy hoach" finds "quy hoạch".
/// </summary>
public sealed class ReviewDashboard(IQuerySession session)
{
    private const string HasResponse = "jsonb_typeof(d.data -> 'response') = 'object'";

    private string Table => $"{session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_feedbackitem";

    /// <summary>The dashboard's counts, from the counters every write keeps (<see cref="FeedbackCounters"/>): no scan of the items.</summary>
    public async Task<DashboardData> Data(ConsultationDetails consultation, CancellationToken cancellation = default)
    {
        var current = consultation.CurrentVersion == 0 ? null
            : await session.LoadAsync<DraftVersion>(DraftVersion.IdOf(consultation.Id, consultation.CurrentVersion), cancellation);
        var counted = await FeedbackCounters.Read(session, consultation.Id, anchorsOf: null, cancellation);
        var bySection = counted.Groups.ToLookup(g => g.Anchor);
        var sections = SectionGroups.InOrder(current?.Sections ?? [], bySection.Select(g => g.Key).ToHashSet(), everySection: true)
            .Select(g => new SectionHeat(g.Anchor, g.Label, g.Level, bySection[g.Anchor].Sum(c => c.Count),
                counted.ByStance(c => c.Anchor == g.Anchor), bySection[g.Anchor].Sum(c => c.Responded)) { Name = g.Name })
            .ToList();
        return new DashboardData(sections, counted.ByStance(), [.. counted.Days.Select(d => new DayCount(d.Day, d.Count))],
            consultation.InvitedExperts.Count, counted.Participants, sections.Sum(s => s.Feedback), sections.Sum(s => s.Responded));
    }

    /// <summary>
    /// The dashboard's counts with the heat map's field views; with <paramref name="field"/> (one of <paramref name="fields"/>)
    /// the heat map counts only items whose author has that field. Fields are read from the author snapshot each item
    /// carries, like <see cref="FeedbackBreakdown"/>: one aggregate over the consultation's public item documents.
    /// </summary>
    public async Task<DashboardData> Data(ConsultationDetails consultation, IReadOnlyList<string> fields, string? field, CancellationToken cancellation = default)
    {
        var data = await Data(consultation, cancellation);
        var cells = await FieldCells(consultation.Id, cancellation);
        var columns = fields.Concat(cells.Select(c => c.Field).Where(f => f != FeedbackBreakdown.NoneKey && !fields.Contains(f)).Distinct().Order(StringComparer.Ordinal))
            .Append(FeedbackBreakdown.NoneKey).ToList();
        var narrowed = field is null ? cells : [.. cells.Where(c => c.Field == field)];
        Dictionary<string, int> ByField(IEnumerable<FieldCell> of) =>
            columns.ToDictionary(f => f, f => of.Where(c => c.Field == f).Sum(c => c.Count), StringComparer.Ordinal);
        var sections = data.Sections.Select(s =>
        {
            var own = narrowed.Where(c => c.Anchor == s.Anchor).ToList();
            var counted = field is null ? s : s with
            {
                Feedback = own.Sum(c => c.Count),
                ByStance = Enum.GetValues<Stance>().ToDictionary(st => st, st => own.Where(c => c.Stance == st).Sum(c => c.Count)),
                Responded = own.Sum(c => c.Responded),
            };
            return counted with { ByField = ByField(own) };
        }).ToList();
        return data with
        {
            Sections = sections,
            Fields = columns,
            ByStanceAndField = Enum.GetValues<Stance>().ToDictionary(st => st, st => (IReadOnlyDictionary<string, int>)ByField(narrowed.Where(c => c.Stance == st))),
            Field = field,
        };
    }

    private async Task<List<FieldCell>> FieldCells(Guid consultationId, CancellationToken cancellation)
    {
        var command = new NpgsqlCommand($"""
            select coalesce(d.data ->> 'sectionAnchor', ''), d.data ->> 'stance', coalesce(f.field, ''), count(*)::int,
                   (count(*) filter (where {HasResponse}))::int
            from {Table} d
            left join lateral jsonb_array_elements_text(
                case when jsonb_typeof(d.data -> 'author' -> 'fields') = 'array' then d.data -> 'author' -> 'fields' end) f(field) on true
            where CAST(d.data ->> 'consultationId' as uuid) = $1 and d.data ->> 'status' = 'Published'
            group by 1, 2, 3
            """) { Parameters = { new() { Value = consultationId } } };
        var cells = new List<FieldCell>();
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var (anchor, fieldName) = (reader.GetString(0), reader.GetString(2));
            cells.Add(new(anchor.Length == 0 ? null : anchor, Enum.Parse<Stance>(reader.GetString(1), ignoreCase: true),
                fieldName.Length == 0 ? FeedbackBreakdown.NoneKey : fieldName, reader.GetInt32(3), reader.GetInt32(4)));
        }
        return cells;
    }

    /// <summary>The items that pass <paramref name="filter"/>, oldest first, at most <see cref="ItemFilter.PageSize"/>, and how many passed.</summary>
    public async Task<(IReadOnlyList<FeedbackItem> Items, int Total)> Items(Guid consultationId, ItemFilter filter, CancellationToken cancellation = default)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var items = new List<FeedbackItem>();
        var total = 0;
        await using var reader = await session.ExecuteReaderAsync(ItemsStatement(consultationId, filter), cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            items.Add(await serializer.FromJsonAsync<FeedbackItem>(reader, 0, cancellation));
            total = reader.GetInt32(1);
        }
        return (items, total);
    }

    /// <summary>The one statement behind <see cref="Items"/>: rows of (document, count of all that passed); public so the bench can explain it.</summary>
    public NpgsqlCommand ItemsStatement(Guid consultationId, ItemFilter filter)
    {
        var where = new StringBuilder("CAST(d.data ->> 'consultationId' as uuid) = $1");
        var command = new NpgsqlCommand { Parameters = { new() { Value = consultationId } } };
        // Conditions are written with ? for each value, numbered here ($2, $3…) in the order the values come.
        void Add(string condition, params object[] values)
        {
            foreach (var value in values)
            {
                command.Parameters.Add(new() { Value = value });
                var at = condition.IndexOf('?');
                condition = $"{condition[..at]}${command.Parameters.Count}{condition[(at + 1)..]}";
            }
            where.Append(" and ").Append(condition);
        }
        if (filter.Section is "") Add("d.data ->> 'sectionAnchor' is null");
        else if (filter.Section is { } section) Add("d.data ->> 'sectionAnchor' = ?", section);
        if (filter.Stance is { } stance) Add("d.data ->> 'stance' = ?", stance.ToString());
        Add("d.data ->> 'status' = ?", (filter.Status ?? FeedbackStatus.Published).ToString());
        if (filter.Responded is { } responded) Add(responded ? HasResponse : $"not {HasResponse}");
        if (filter.HasProposedText is { } proposed) Add(proposed ? "d.data -> 'content' ->> 'proposedText' is not null" : "d.data -> 'content' ->> 'proposedText' is null");
        // Containment (@>) rather than the ? operator, which Marten reads as a placeholder; both are what a GIN index on the fields serves.
        if (filter.Field is { } field) Add("d.data -> 'author' -> 'fields' @> CAST(? as jsonb)", System.Text.Json.JsonSerializer.Serialize(new[] { field }));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var (condition, pattern) = ItemSearch.Matching(filter.Search);
            Add(condition, pattern);
        }

        // One pass over the matching documents keeps only their ids and dates: the count and the page's order are taken
        // from that narrow set, and only the page's documents are read again (by id).
        command.CommandText = $"""
            with matching as materialized (
                select d.id, CAST(d.data ->> 'submittedAt' as timestamptz) as submitted_at from {Table} d where {where})
            select d.data, (select count(*) from matching)::int
            from (select id, submitted_at from matching order by submitted_at, id limit {ItemFilter.PageSize}) page
            join {Table} d on d.id = page.id
            order by page.submitted_at, page.id
            """;
        return command;
    }
}

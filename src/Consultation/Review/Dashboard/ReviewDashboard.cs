using System.Text;
using Marten;
using Npgsql;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Counting;

namespace Nq45Consult.Consultation.Review.Dashboard;

/// <summary>One row of the heat map: a section of the current draft with its feedback count, stance mix and answers.</summary>
public sealed record SectionHeat(string? Anchor, string Label, int Level, int Feedback, IReadOnlyDictionary<Stance, int> ByStance, int Responded);

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
}

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
                counted.ByStance(c => c.Anchor == g.Anchor), bySection[g.Anchor].Sum(c => c.Responded)))
            .ToList();
        return new DashboardData(sections, counted.ByStance(), [.. counted.Days.Select(d => new DayCount(d.Day, d.Count))],
            consultation.InvitedExperts.Count, counted.Participants, sections.Sum(s => s.Feedback), sections.Sum(s => s.Responded));
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

using System.Text;
using Marten;
using Nq45Consult.Consultation.Drafts.Consultations;
using Nq45Consult.Consultation.Feedback;

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
/// The dashboard's reads. Counts are SQL aggregates over the item documents (nothing loaded per item); the item
/// list is a filtered page of documents, searched with PostgreSQL's <c>unaccent</c> so "quy hoach" finds "quy hoạch".
/// </summary>
public sealed class ReviewDashboard(IQuerySession session)
{
    private const string Public = "CAST(d.data ->> 'consultationId' as uuid) = $1 and d.data ->> 'status' = 'Published'";
    private const string HasResponse = "jsonb_typeof(d.data -> 'response') = 'object'";

    private string Table => $"{session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_feedbackitem";

    public async Task<DashboardData> Data(ConsultationDetails consultation, CancellationToken cancellation = default)
    {
        var current = consultation.CurrentVersion == 0 ? null
            : await session.LoadAsync<DraftVersion>(DraftVersion.IdOf(consultation.Id, consultation.CurrentVersion), cancellation);
        var counts = new Dictionary<string, (Dictionary<Stance, int> ByStance, int Responded)>();
        await using (var reader = await Read(
            $"select coalesce(d.data ->> 'sectionAnchor', ''), d.data ->> 'stance', {HasResponse}, count(*) from {Table} d where {Public} group by 1, 2, 3",
            consultation.Id, cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                var anchor = reader.GetString(0);
                if (!counts.TryGetValue(anchor, out var entry)) counts[anchor] = entry = (Zero(), 0);
                var n = (int)reader.GetInt64(3);
                if (Enum.TryParse<Stance>(reader.GetString(1), true, out var stance)) entry.ByStance[stance] += n;
                if (reader.GetBoolean(2)) counts[anchor] = entry with { Responded = entry.Responded + n };
            }
        }
        var days = new List<DayCount>();
        await using (var reader = await Read(
            $"select (CAST(d.data ->> 'submittedAt' as timestamptz) at time zone 'Asia/Ho_Chi_Minh')::date, count(*) from {Table} d where {Public} group by 1 order by 1",
            consultation.Id, cancellation))
        {
            while (await reader.ReadAsync(cancellation)) days.Add(new DayCount(DateOnly.FromDateTime(reader.GetDateTime(0)), (int)reader.GetInt64(1)));
        }
        int participants;
        await using (var reader = await Read($"select count(distinct d.data ->> 'authorUserName') from {Table} d where {Public}", consultation.Id, cancellation))
        {
            await reader.ReadAsync(cancellation);
            participants = (int)reader.GetInt64(0);
        }

        var used = counts.Keys.Select(k => k.Length == 0 ? null : k).ToHashSet();
        var sections = SectionGroups.InOrder(current?.Sections ?? [], used, everySection: true)
            .Select(g => counts.TryGetValue(g.Anchor ?? "", out var c)
                ? new SectionHeat(g.Anchor, g.Label, g.Level, c.ByStance.Values.Sum(), c.ByStance, c.Responded)
                : new SectionHeat(g.Anchor, g.Label, g.Level, 0, Zero(), 0))
            .ToList();
        var byStance = Zero();
        foreach (var s in sections) foreach (var (stance, n) in s.ByStance) byStance[stance] += n;
        return new DashboardData(sections, byStance, days, consultation.InvitedExperts.Count, participants,
            sections.Sum(s => s.Feedback), sections.Sum(s => s.Responded));
    }

    /// <summary>The items that pass <paramref name="filter"/>, oldest first, at most <see cref="ItemFilter.PageSize"/>, and how many passed.</summary>
    public async Task<(IReadOnlyList<FeedbackItem> Items, int Total)> Items(Guid consultationId, ItemFilter filter, CancellationToken cancellation = default)
    {
        var where = new StringBuilder("CAST(d.data ->> 'consultationId' as uuid) = ?");
        var parameters = new List<object> { consultationId };
        void Add(string condition, params object[] values)
        {
            where.Append(" and ").Append(condition);
            parameters.AddRange(values);
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
            Add("unaccent(coalesce(d.data -> 'content' ->> 'rationale', '') || ' ' || coalesce(d.data -> 'content' ->> 'proposedText', '')) ilike unaccent(?)",
                $"%{EscapeLike(filter.Search.Trim())}%");

        var total = await session.QueryAsync<int>($"select count(*)::int from {Table} d where {where}", cancellation, [.. parameters]);
        var items = await session.QueryAsync<FeedbackItem>(
            $"select d.data from {Table} d where {where} order by CAST(d.data ->> 'submittedAt' as timestamptz) limit {ItemFilter.PageSize}",
            cancellation, [.. parameters]);
        return (items, total.Single());
    }

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private async Task<Npgsql.NpgsqlDataReader> Read(string sql, Guid consultationId, CancellationToken cancellation)
    {
        var command = new Npgsql.NpgsqlCommand(sql) { Parameters = { new() { Value = consultationId } } };
        return (Npgsql.NpgsqlDataReader)await session.ExecuteReaderAsync(command, cancellation);
    }

    private static Dictionary<Stance, int> Zero() => Enum.GetValues<Stance>().ToDictionary(s => s, _ => 0);
}

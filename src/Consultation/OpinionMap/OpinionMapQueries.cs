using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.OpinionMap.Reporting;
using Nq45Consult.Consultation.OpinionMap.Mapping;

namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>
/// Reads of the opinion map with their rules: the consultation must be visible to the caller (else null, a 404);
/// pending and hidden statements are for moderators, and an expert's own pending ones; no participant is named.
/// </summary>
public sealed class OpinionMapQueries(IQuerySession session, OpinionMapComputation computation, IAuthorProfiles? profiles = null)
{
    /// <summary>The consultation's scope when the caller may see the consultation and the map is on.</summary>
    public async Task<(ConsultationDetails? Consultation, OpinionMapScope? Scope)> Find(Guid consultationId, Caller? caller, CancellationToken cancellation)
    {
        var (consultation, scope) = await OpinionMapLoads.ConsultationAndScope(session, consultationId, cancellation);
        return consultation is null || !OpinionMapRules.MaySee(consultation, caller) ? (null, null) : (consultation, scope);
    }

    /// <summary>Whether (and on what) the map is on, for a consultation the caller has already been allowed to see (its page).</summary>
    public Task<OpinionMapScope?> Scope(Guid consultationId, CancellationToken cancellation) =>
        session.LoadAsync<OpinionMapScope>(OpinionMapIds.ScopeOf(consultationId), cancellation);

    /// <summary>The statements the caller may see, oldest first; null when the consultation is not visible to them.</summary>
    public async Task<IReadOnlyList<StatementReading>?> Statements(Guid consultationId, Caller? caller, CancellationToken cancellation)
    {
        var (consultation, _) = await Find(consultationId, caller, cancellation);
        if (consultation is null) return null;
        var statements = await session.Query<Statement>().Where(s => s.ConsultationId == consultationId).ToListAsync(cancellation);
        var votes = await session.Query<StatementVote>().Where(v => v.ConsultationId == consultationId).ToListAsync(cancellation);
        var byStatement = votes.ToLookup(v => v.StatementId);
        return [.. statements
            .Where(s => s.IsVisible || caller?.IsModerator == true
                || caller is not null && !s.Hidden && string.Equals(s.AddedBy, caller.UserName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.AddedAt).ThenBy(s => s.Id)
            .Select(s => Reading(s, byStatement[s.Id], caller))];
    }

    /// <summary>
    /// The next statement for an expert to vote on: of the shown ones they have not voted on, those with the fewest
    /// votes first (every statement gets enough votes to place people), then those that best separate the groups of
    /// the last map (divisive first, then representative of a group). Null when none is left.
    /// </summary>
    public async Task<StatementReading?> Next(Guid consultationId, Caller caller, CancellationToken cancellation)
    {
        var statements = await Statements(consultationId, caller, cancellation);
        if (statements is null) return null;
        var snapshot = await session.LoadAsync<OpinionMapSnapshot>(consultationId, cancellation);
        var divisive = snapshot?.Result.Divisive.Select((id, rank) => (id, rank)).ToDictionary(x => x.id, x => x.rank) ?? [];
        var representative = snapshot?.Result.Groups.SelectMany(g => g.Representative).Select(r => r.StatementId).ToHashSet() ?? [];
        return statements
            .Where(s => s.Statement.IsVisible && s.Mine is null)
            .OrderBy(s => s.Votes)
            .ThenBy(s => divisive.GetValueOrDefault(s.Statement.Id.ToString(), int.MaxValue))
            .ThenBy(s => representative.Contains(s.Statement.Id.ToString()) ? 0 : 1)
            .ThenBy(s => s.Statement.AddedAt)
            .FirstOrDefault();
    }

    /// <summary>The map (the cached one, computed when there is none); null when not visible or not turned on.</summary>
    public async Task<OpinionMapReading?> Map(Guid consultationId, Caller? caller, CancellationToken cancellation)
    {
        var (consultation, scope) = await Find(consultationId, caller, cancellation);
        if (consultation is null || scope is null) return null;
        return await Reading(await computation.Current(consultationId, cancellation), caller, cancellation);
    }

    /// <summary>A moderator's "recompute now": the map from the votes as they are.</summary>
    public async Task<OpinionMapReading?> Recomputed(Guid consultationId, Caller caller, CancellationToken cancellation)
    {
        var (consultation, scope) = await Find(consultationId, caller, cancellation);
        if (consultation is null || scope is null) return null;
        return await Reading(await computation.Recompute(consultationId, cancellation), caller, cancellation);
    }

    /// <summary>The map with each group's counts, for officials' exports; null when not visible or not turned on.</summary>
    public async Task<OpinionMapExport?> Export(Guid consultationId, Caller? caller, CancellationToken cancellation) =>
        await Map(consultationId, caller, cancellation) is { } map ? await OpinionMapExport.Of(session, map, cancellation) : null;

    /// <summary>
    /// For moderators only: each group's members counted by field, degree and member association, never listed. Null when not a
    /// moderator, not visible or not turned on.
    /// </summary>
    public async Task<IReadOnlyList<GroupProfile>?> GroupProfiles(Guid consultationId, Caller caller, CancellationToken cancellation)
    {
        if (!caller.IsModerator || await Map(consultationId, caller, cancellation) is not { } map) return null;
        var votes = await session.Query<StatementVote>().Where(v => v.ConsultationId == consultationId).Select(v => v.Voter).ToListAsync(cancellation);
        var userNameOf = votes.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(OpinionMapReading.KeyOf);
        var found = profiles is null ? new Dictionary<string, AuthorProfile>() : await profiles.Find(session, [.. userNameOf.Values], cancellation);
        AuthorProfile? ProfileOf(string key) => userNameOf.TryGetValue(key, out var name) ? found.GetValueOrDefault(name) : null;
        return [.. map.Snapshot.Result.Groups.Select(g =>
        {
            var members = g.ParticipantKeys.Select(ProfileOf).ToList();
            return new GroupProfile(g.Id, g.Size,
                Counted(members.SelectMany(p => p?.Fields is { Count: > 0 } fields ? fields.Select(f => (string?)f) : [null])),
                Counted(members.Select(p => string.IsNullOrWhiteSpace(p?.Degree) ? null : p.Degree)),
                Counted(members.Select(p => p?.Association)));
        })];
    }

    private static List<ProfileCount> Counted(IEnumerable<string?> values) =>
        [.. values.GroupBy(v => v).Select(g => new ProfileCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];

    private async Task<OpinionMapReading?> Reading(OpinionMapSnapshot? snapshot, Caller? caller, CancellationToken cancellation)
    {
        if (snapshot is null) return null;
        var ids = snapshot.StatementIds.Select(Guid.Parse).ToArray();
        var statements = await session.LoadManyAsync<Statement>(cancellation, ids);
        var own = caller is null ? null : OpinionMapReading.KeyOf(caller.UserName);
        return new OpinionMapReading(
            snapshot, statements.ToDictionary(s => s.Id.ToString(), s => s.Text),
            own is not null && snapshot.Result.Points.Any(p => p.ParticipantKey == own) ? own : null);
    }

    private static StatementReading Reading(Statement statement, IEnumerable<StatementVote> votes, Caller? caller)
    {
        int agree = 0, disagree = 0, pass = 0;
        VoteChoice? mine = null;
        foreach (var vote in votes)
        {
            _ = vote.Vote switch { VoteChoice.Agree => agree++, VoteChoice.Disagree => disagree++, _ => pass++ };
            if (caller is not null && string.Equals(vote.Voter, caller.UserName, StringComparison.OrdinalIgnoreCase)) mine = vote.Vote;
        }
        return new StatementReading(statement, agree, disagree, pass, mine);
    }
}

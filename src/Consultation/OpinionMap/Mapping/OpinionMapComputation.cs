using Marten;
using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.OpinionMap.Mapping;

/// <summary>
/// Builds a consultation's map from its current votes with <see cref="OpinionMapAnalysis"/> and caches it as an
/// <see cref="OpinionMapSnapshot"/>. Hidden statements are passed as moderated out (Pol.is's reading of them);
/// statements still waiting for approval have no votes and are left out.
/// </summary>
public sealed class OpinionMapComputation(IDocumentStore store, TimeProvider time)
{
    /// <summary>The cached map, computed first when there is none; null when the consultation has no opinion map.</summary>
    public async Task<OpinionMapSnapshot?> Current(Guid consultationId, CancellationToken cancellation)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<OpinionMapSnapshot>(consultationId, cancellation) is { } cached) return cached;
        }
        return await Recompute(consultationId, cancellation);
    }

    public async Task<OpinionMapSnapshot?> Recompute(Guid consultationId, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<OpinionMapScope>(OpinionMapIds.ScopeOf(consultationId), cancellation) is null) return null;
        var statements = (await session.Query<Statement>().Where(s => s.ConsultationId == consultationId).ToListAsync(cancellation))
            .Where(s => s.Approved).OrderBy(s => s.AddedAt).ThenBy(s => s.Id).ToList();
        var votes = await session.Query<StatementVote>().Where(v => v.ConsultationId == consultationId).ToListAsync(cancellation);
        var statementIds = statements.Select(s => s.Id.ToString()).ToList();
        var known = statementIds.ToHashSet();
        var counted = votes.Where(v => known.Contains(v.StatementId.ToString())).ToList();
        // User names are case-insensitive: one person is one participant however their name was typed at sign-in.
        var voters = counted.Select(v => v.Voter.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        var matrix = new VoteMatrix(
            voters, statementIds,
            counted.Select(v => new Vote(v.Voter.ToUpperInvariant(), v.StatementId.ToString(), ValueOf(v.Vote))),
            statements.Where(s => s.Hidden).Select(s => s.Id.ToString()));
        var snapshot = new OpinionMapSnapshot(consultationId, OpinionMapAnalysis.Analyse(matrix), statementIds, counted.Count, time.GetUtcNow());
        session.Store(snapshot);
        await session.SaveChangesAsync(cancellation);
        return snapshot;
    }

    private static int ValueOf(VoteChoice vote) => vote switch
    {
        VoteChoice.Agree => 1,
        VoteChoice.Disagree => -1,
        _ => 0,
    };
}

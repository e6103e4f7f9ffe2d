using Marten;
using Marten.Exceptions;

namespace Nq45Consult.Consultation.Recommendations.Supporting;

/// <summary>An expert supports a recommendation; once per person (supporting again changes nothing).</summary>
public sealed record SupportRecommendation(Guid RecommendationId, Caller Supporter)
{
    public static Decision Decide(Recommendation? recommendation, RecommendationSupport? existing, SupportRecommendation command, DateTimeOffset now)
    {
        if (!command.Supporter.IsExpert) return Decision.Forbid(DomainText.RecommendationSupportExpertsOnly);
        if (recommendation is null || recommendation.Hidden) return Decision.NotFound(RecommendationChange.NotFound);
        if (existing is not null) return Decision.Nothing;
        var id = RecommendationIds.SupportOf(recommendation.Id, command.Supporter.UserName);
        return Decision.Accept(new RecommendationSupported(id, recommendation.Id, command.Supporter.UserName, now));
    }
}

/// <summary>The decision and the recommendation's supports once it is stored.</summary>
public sealed record SupportOutcome(Decision Decision, int Supports);

/// <summary>
/// Starts the (recommendation, supporter) stream, whose id is derived from both: a second support of the same person,
/// even at the same instant, collides with the first and is answered as already counted. Supports of different people
/// never contend, and the count is the number of those streams.
/// </summary>
public sealed class SupportRecommendationHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<SupportOutcome> Handle(SupportRecommendation command, CancellationToken cancellation)
    {
        var id = command.RecommendationId;
        Decision decision;
        await using (var session = store.LightweightSession())
        {
            var recommendation = id == Guid.Empty ? null : await session.LoadAsync<Recommendation>(id, cancellation);
            var existing = recommendation is null ? null : await session.LoadAsync<RecommendationSupport>(RecommendationIds.SupportOf(id, command.Supporter.UserName), cancellation);
            decision = SupportRecommendation.Decide(recommendation, existing, command, time.GetUtcNow());
            if (!decision.Accepted) return new SupportOutcome(decision, 0);
            if (decision.Events.Count > 0)
            {
                session.Events.StartStream<RecommendationSupport>(RecommendationIds.SupportOf(id, command.Supporter.UserName), decision.Events);
                try
                {
                    await session.SaveChangesAsync(cancellation);
                }
                catch (ExistingStreamIdCollisionException)
                {
                    decision = Decision.Nothing;
                }
            }
        }
        await using var query = store.QuerySession();
        return new SupportOutcome(decision, await query.Query<RecommendationSupport>().CountAsync(s => s.RecommendationId == id, cancellation));
    }
}

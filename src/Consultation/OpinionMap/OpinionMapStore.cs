using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>Marten configuration of the opinion map: statements, votes, the set-up and the cached map.</summary>
public static class OpinionMapStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddOpinionMapStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([
            typeof(OpinionMapTurnedOn), typeof(StatementAdded), typeof(StatementApproved), typeof(StatementHidden),
            typeof(StatementRestored), typeof(StatementVoted),
        ]);
        options.Projections.Add<OpinionMapScopeProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<StatementProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<StatementVoteProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Statement>().Index(x => x.ConsultationId);
        options.Schema.For<StatementVote>().Index(x => x.ConsultationId).Index(x => x.Voter);
        options.Schema.For<OpinionMapSnapshot>();
    }
}

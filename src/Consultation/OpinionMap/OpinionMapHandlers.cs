using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.OpinionMap.Mapping;
using Nq45Consult.Consultation.OpinionMap.Statements;
using Nq45Consult.Consultation.OpinionMap.TurningOn;
using Nq45Consult.Consultation.OpinionMap.Voting;

namespace Nq45Consult.Consultation.OpinionMap;

public static class OpinionMapHandlers
{
    /// <summary>The opinion map's handlers, queries and background recomputation (which listens to committed votes).</summary>
    public static IServiceCollection AddOpinionMapHandlers(this IServiceCollection services)
    {
        services.AddSingleton<TurnOnOpinionMapHandler>();
        services.AddSingleton<AddStatementHandler>();
        services.AddSingleton<DrawStatementFromFeedbackHandler>();
        services.AddSingleton<ApproveStatementHandler>();
        services.AddSingleton<ModerateStatementHandler>();
        services.AddSingleton<VoteOnStatementHandler>();
        services.AddSingleton<OpinionMapComputation>();
        services.AddSingleton<OpinionMapRecomputer>();
        services.AddScoped<OpinionMapQueries>();
        services.ConfigureMarten((sp, options) => options.Listeners.Add(new OpinionMapRecomputer.AfterCommit(sp.GetRequiredService<OpinionMapRecomputer>())));
        return services;
    }
}

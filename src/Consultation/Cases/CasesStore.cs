using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Cases;

/// <summary>Marten configuration of cases: their streams and the case document kept inline.</summary>
public static class CasesStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddCasesStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([
            typeof(CaseRequested), typeof(CaseAccepted), typeof(CaseDeclined), typeof(CouncilMemberAppointed), typeof(CouncilSeatAccepted),
            typeof(CouncilSeatDeclined), typeof(CouncilFormed), typeof(CaseSessionLinked), typeof(CaseReportSent), typeof(AgencyAnswerRecorded),
        ]);
        options.Projections.Add<CritiqueCaseProjection>(ProjectionLifecycle.Inline);
        options.Events.AddEventTypes([typeof(ReviewDrafted), typeof(ReviewSubmitted)]);
        options.Projections.Add<CaseReviewProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<CaseReview>().Index(x => x.CaseId);
        options.Schema.For<CritiqueCase>().Index(x => x.AgencyId);
    }
}

using JasperFx.Events.Projections;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Nq45Consult.Consultation.Review.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Review;

/// <summary>Marten configuration of the review: responses live on the items' streams (registered with Feedback), deadlines and the report's letterhead details on the consultations'.</summary>
public static class ReviewStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddReviewStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([typeof(ResponseDeadlineSet), typeof(ReportDetailsSet), typeof(Critique.CritiqueDrafted)]);
        options.Projections.Add<ResponseScheduleProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<Reporting.ReportDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<Critique.CritiqueReportProjection>(ProjectionLifecycle.Inline);
        // The dashboard's search: a trigram index on the folded search text each item document carries (ItemSearch).
        options.Schema.For<Feedback.FeedbackItem>().Index(x => x.SearchText, index =>
        {
            index.Method = IndexMethod.gin;
            index.Mask = "? gin_trgm_ops";
            index.Name = Dashboard.ItemSearch.IndexName;
        });
        // The search's pg_trgm, created with the schema as "create extension if not exists", so applying it again, or
        // alongside another feature, is harmless. (Near-duplicate grouping needs no extension: it reads the signatures
        // kept with each item, Feedback/Likeness.)
        options.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
    }
}

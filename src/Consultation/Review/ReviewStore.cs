using JasperFx.Events.Projections;
using Marten;
using Weasel.Postgresql;
using Nq45Consult.Consultation.Review.Deadlines;

namespace Nq45Consult.Consultation.Review;

/// <summary>Marten configuration of the review: responses live on the items' streams, deadlines on the consultations'.</summary>
public static class ReviewStore
{

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([typeof(FeedbackResponded), typeof(ResponseDeadlineSet), typeof(Critique.CritiqueDrafted)]);
        options.Projections.Add<ResponseScheduleProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<Critique.CritiqueReportProjection>(ProjectionLifecycle.Inline);
        // Diacritic-insensitive search (unaccent) on the dashboard; created with the schema as "create extension if not
        // exists", so applying it again, or alongside another feature, is harmless. (Near-duplicate grouping needs no
        // extension: it reads the signatures kept with each item, Feedback/Likeness.)
        options.Storage.ExtendedSchemaObjects.Add(new Extension("unaccent"));
    }
}

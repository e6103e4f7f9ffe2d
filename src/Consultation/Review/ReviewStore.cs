using JasperFx.Events.Projections;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
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
        // The dashboard's search: a trigram index on the folded search text each item document carries (ItemSearch).
        options.Schema.For<Feedback.FeedbackItem>().Index(x => x.SearchText, index =>
        {
            index.Method = IndexMethod.gin;
            index.Mask = "? gin_trgm_ops";
            index.Name = Dashboard.ItemSearch.IndexName;
        });
        // Search and near-duplicate grouping (pg_trgm) on the dashboard; created with
        // the schema as "create extension if not exists", so applying it again, or alongside another feature, is harmless.
        options.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        // Trigram index on the argument: near-duplicate grouping looks up each item's look-alikes with `%` through it.
        // (Not on a diacritic-free fold: an index needs an immutable function, and Weasel drops and recreates such a
        // function at every schema apply, taking the index with it.)
        options.Schema.For<Feedback.FeedbackItem>().Index(x => x.Content.Rationale, index =>
        {
            index.Method = IndexMethod.gin;
            index.Mask = "? gin_trgm_ops";
            index.Name = "mt_doc_feedbackitem_idx_rationale_trgm";
        });
    }
}

using JasperFx.Events.Projections;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Nq45Consult.Consultation.Review.Deadlines;

namespace Nq45Consult.Consultation.Review;

/// <summary>Marten configuration of the review: responses live on the items' streams, deadlines on the consultations'.</summary>
public static class ReviewStore
{
    /// <summary>The database function that folds text to lower case without diacritics (in the store's schema).</summary>
    public const string FoldFunction = "review_fold";

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([typeof(FeedbackResponded), typeof(ResponseDeadlineSet), typeof(Critique.CritiqueDrafted)]);
        options.Projections.Add<ResponseScheduleProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<Critique.CritiqueReportProjection>(ProjectionLifecycle.Inline);
        // Diacritic-insensitive search (unaccent) and near-duplicate grouping (pg_trgm) on the dashboard; created with
        // the schema as "create extension if not exists", so applying it again, or alongside another feature, is harmless.
        options.Storage.ExtendedSchemaObjects.Add(new Extension("unaccent"));
        options.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        // Near-duplicate grouping compares arguments folded to lower case without diacritics: pg_trgm only makes
        // trigrams of letters its locale knows, and under the C locale "đề nghị" would shrink to "ngh". The fold is an
        // immutable function so that it can be indexed; the GIN trigram index serves each item's `%` look-up.
        options.Storage.ExtendedSchemaObjects.Add(Function.ForSql($"""
            create or replace function {options.DatabaseSchemaName}.{FoldFunction}(text) returns text
            language sql immutable strict parallel safe
            as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
            """));
        options.Schema.For<Feedback.FeedbackItem>().Index(x => x.Content.Rationale, index =>
        {
            index.Method = IndexMethod.gin;
            index.Mask = $"{options.DatabaseSchemaName}.{FoldFunction}(?) gin_trgm_ops";
            index.Name = "mt_doc_feedbackitem_idx_rationale_trgm";
        });
    }
}

using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Interests;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Experts.SavedFilters;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Experts;

/// <summary>Marten configuration of expert profiles, member associations, saved registry filters and interest declarations.</summary>
public static class ExpertsStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddExpertsStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        // pg_trgm (PostgreSQL contrib) lets a GIN index answer the registry's LIKE '%...%' searches.
        options.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        options.Projections.Add<ExpertProfileProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<MemberAssociationProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<InterestDeclarationProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<SavedFilterProjection>(ProjectionLifecycle.Inline);

        var profiles = options.Schema.For<ExpertProfile>();
        // One profile per account and per member-list key, whichever node writes them.
        profiles.UniqueIndex(UniqueIndexType.Computed, "ux_expert_user_name", x => x.NormalizedUserName!);
        profiles.UniqueIndex(UniqueIndexType.Computed, "ux_expert_import_key", x => x.ImportKey!);
        profiles.Index(x => x.Email!);
        // The search text and sort name live in columns of their own (kept by Marten on every write): a LIKE's recheck
        // and the ORDER BY then read a plain text column instead of taking each 100,000-row candidate's JSON apart.
        profiles.Duplicate(x => x.SortName, notNull: true);
        profiles.Duplicate(x => x.SearchText, notNull: true, configure: index =>
        {
            index.Method = IndexMethod.gin;
            index.Mask = "? gin_trgm_ops";
        });
        // The registry's filters: scalar ones as indexed columns; "has field X" is a containment (data @> {"fields": [X]}),
        // which a GIN index on the document answers.
        profiles.Duplicate(x => x.Degree);
        profiles.Duplicate(x => x.AcademicTitle);
        profiles.Duplicate(x => x.AssociationId);
        profiles.Duplicate(x => x.InProvince);
        profiles.GinIndexJsonData();
        options.Schema.For<InterestDeclaration>().Index(x => x.ConsultationId);
    }
}

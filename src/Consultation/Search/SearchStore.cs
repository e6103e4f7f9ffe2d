using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Search;

/// <summary>Marten configuration of the search: its table, index and inline projection (<see cref="SearchIndex"/>).</summary>
public static class SearchStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddSearchStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options) => SearchIndex.Configure(options);
}

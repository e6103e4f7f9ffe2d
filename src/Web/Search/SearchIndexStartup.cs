using Marten;
using Nq45Consult.Consultation.Search;

namespace Nq45Consult.Web.Search;

/// <summary>
/// At start, fills the search index of a database written before it existed (a no-op once built). Registered after
/// Marten's own start-up, which applies the schema first.
/// </summary>
public sealed class SearchIndexStartup(IDocumentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => SearchIndex.Rebuild(store, force: false, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

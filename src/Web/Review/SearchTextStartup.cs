using Marten;
using Nq45Consult.Consultation.Review.Dashboard;

namespace Nq45Consult.Web.Review;

/// <summary>
/// At start, gives item documents written before the dashboard's folded search text existed their text (a no-op
/// afterwards). Registered after Marten's own start-up, which applies the schema first.
/// </summary>
public sealed class SearchTextStartup(IDocumentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ItemSearch.Backfill(store, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

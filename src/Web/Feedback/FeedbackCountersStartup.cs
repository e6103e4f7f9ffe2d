using Marten;
using Nq45Consult.Consultation.Feedback.Counting;

namespace Nq45Consult.Web.Feedback;

/// <summary>
/// At start, counts the feedback of a database whose counters were never built (items written before the counters
/// existed); a no-op afterwards. Registered after Marten's own start-up, which applies the schema first.
/// </summary>
public sealed class FeedbackCountersStartup(IDocumentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => FeedbackCounters.Rebuild(store, force: false, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Marten;
using Nq45Consult.Consultation.Feedback.Counting;
using Nq45Consult.Consultation.Feedback.Likeness;

namespace Nq45Consult.Web.Feedback;

/// <summary>
/// At start, counts the feedback of a database whose counters were never built, and signs the items that have no
/// near-duplicate signature yet (items written before counters or signatures existed); no-ops afterwards. Registered
/// after Marten's own start-up, which applies the schema first.
/// </summary>
public sealed class FeedbackCountersStartup(IDocumentStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await FeedbackCounters.Rebuild(store, force: false, cancellationToken);
        await LikenessSignatures.Backfill(store, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

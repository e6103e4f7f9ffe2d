using System.Threading.Channels;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Web.Feedback;

/// <summary>
/// Pushes committed feedback changes to a consultation's viewers. A Marten listener (<see cref="AfterCommit"/>) notes
/// the items whose public face a committed transaction changed, whoever wrote it; this service gathers them for
/// <see cref="FeedbackOptions.LiveUpdateDelay"/>, then reads each touched consultation's counters once (exact, kept in
/// each write's transaction; a burst of submissions costs one read, not one each) and sends each changed item as the
/// public sees it.
/// </summary>
public sealed class FeedbackLive(IServiceProvider services, IOptions<FeedbackOptions> options, ILogger<FeedbackLive> logger)
    : BackgroundService
{
    private readonly Channel<Guid> changes = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not in the constructor: the store's listener holds this service, so the store cannot be its dependency.
        var store = services.GetRequiredService<IDocumentStore>();
        var hub = services.GetRequiredService<IHubContext<ConsultationHub>>();
        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(options.Value.LiveUpdateDelay, stoppingToken);
            var batch = new HashSet<Guid>();
            while (changes.Reader.TryRead(out var change)) batch.Add(change);
            try
            {
                await Push(store, hub, batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Live updates are a convenience: a failed push must not stop later ones; pages reload the truth.
                logger.LogWarning(e, "Pushing {Count} feedback changes failed", batch.Count);
            }
        }
    }

    private static async Task Push(IDocumentStore store, IHubContext<ConsultationHub> hub, IReadOnlyCollection<Guid> feedbackIds, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var queries = new FeedbackQueries(session);
        // One read for every changed item of the batch, not one per item.
        var items = await session.LoadManyAsync<FeedbackItem>(cancellation, feedbackIds);
        foreach (var group in items.GroupBy(item => item.ConsultationId))
        {
            var clients = hub.Clients.Group(ConsultationHub.GroupOf(group.Key));
            foreach (var item in group)
                await clients.SendAsync("feedbackChanged", new FeedbackChanged(group.Key, item.Id, item.IsPublic ? FeedbackView.Of(item, null) : null), cancellation);
            if (await session.LoadAsync<ConsultationDetails>(group.Key, cancellation) is not { } consultation) continue;
            var summary = await queries.Summary(consultation, cancellation);
            await clients.SendAsync("countersChanged", new CountersChanged(group.Key, SummaryView.Of(summary)), cancellation);
        }
    }

    /// <summary>
    /// Hands the items of every committed session whose list entry or counts changed to <see cref="FeedbackLive"/>:
    /// submitted, revised, withdrawn, reported, hidden or restored. A response is not among them: it stays the officials'
    /// draft until its publication.
    /// </summary>
    public sealed class AfterCommit(FeedbackLive live) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            foreach (var e in commit.GetEvents())
            {
                if (e.Data is FeedbackSubmitted or FeedbackRevised or FeedbackWithdrawn or FeedbackReported or FeedbackHidden or FeedbackRestored)
                    live.changes.Writer.TryWrite(e.StreamId);
            }
            return Task.CompletedTask;
        }
    }
}

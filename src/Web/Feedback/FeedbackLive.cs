using System.Threading.Channels;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Web.Feedback;

/// <summary>
/// Pushes committed feedback changes to a consultation's viewers. Endpoints note a change after their
/// transaction commits; this service gathers changes for <see cref="FeedbackOptions.LiveUpdateDelay"/>,
/// then reads each touched consultation's counters once (exact, kept in each write's transaction; a burst of
/// submissions costs one read, not one each) and sends each changed item as the public sees it.
/// </summary>
public sealed class FeedbackLive(
    IDocumentStore store, IHubContext<ConsultationHub> hub, IOptions<FeedbackOptions> options, ILogger<FeedbackLive> logger)
    : BackgroundService
{
    private static readonly Reader Public = new(User: null);
    private readonly Channel<(Guid ConsultationId, Guid FeedbackId)> changes =
        Channel.CreateUnbounded<(Guid, Guid)>(new UnboundedChannelOptions { SingleReader = true });

    public void Changed(Guid consultationId, Guid feedbackId) => changes.Writer.TryWrite((consultationId, feedbackId));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(options.Value.LiveUpdateDelay, stoppingToken);
            var batch = new List<(Guid ConsultationId, Guid FeedbackId)>();
            while (changes.Reader.TryRead(out var change)) batch.Add(change);
            try
            {
                await Push(batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Live updates are a convenience: a failed push must not stop later ones; pages reload the truth.
                logger.LogWarning(e, "Pushing {Count} feedback changes failed", batch.Count);
            }
        }
    }

    private async Task Push(List<(Guid ConsultationId, Guid FeedbackId)> batch, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var queries = new FeedbackQueries(session);
        // One read for every changed item of the batch, not one per item.
        var items = (await session.LoadManyAsync<FeedbackItem>(cancellation, batch.Select(c => c.FeedbackId).Distinct()))
            .ToDictionary(item => item.Id);
        foreach (var group in batch.GroupBy(c => c.ConsultationId))
        {
            var clients = hub.Clients.Group(ConsultationHub.GroupOf(group.Key));
            foreach (var feedbackId in group.Select(c => c.FeedbackId).Distinct())
            {
                var view = items.GetValueOrDefault(feedbackId) is { IsPublic: true } item ? FeedbackView.Of(item, Public) : null;
                await clients.SendAsync("feedbackChanged", new FeedbackChanged(group.Key, feedbackId, view), cancellation);
            }
            if (await session.LoadAsync<ConsultationDetails>(group.Key, cancellation) is not { } consultation) continue;
            var summary = await queries.Summary(consultation, cancellation);
            await clients.SendAsync("countersChanged", new CountersChanged(group.Key, SummaryView.Of(summary)), cancellation);
        }
    }
}

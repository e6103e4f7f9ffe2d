using System.Collections.Concurrent;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nq45Consult.Consultation.OpinionMap.Mapping;

/// <summary>
/// Recomputes a consultation's map in the background as votes and moderation change it, at most once per
/// <see cref="OpinionMapOptions.RecomputeInterval"/>: a change while a recomputation waits is taken by that one.
/// <see cref="Recomputed"/> is raised after each, for live updates.
/// </summary>
public sealed class OpinionMapRecomputer(
    IServiceProvider services, TimeProvider time, IOptions<OpinionMapOptions> options, ILogger<OpinionMapRecomputer> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, byte> waiting = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> lastRun = new();
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Raised with the new map after it was recomputed and stored.</summary>
    public event Action<OpinionMapSnapshot>? Recomputed;

    public void Request(Guid consultationId)
    {
        if (!waiting.TryAdd(consultationId, 0)) return;
        _ = Run(consultationId);
    }

    private async Task Run(Guid consultationId)
    {
        try
        {
            var wait = lastRun.TryGetValue(consultationId, out var last) ? last + options.Value.RecomputeInterval - time.GetUtcNow() : TimeSpan.Zero;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stopping.Token);
            // Changes committed from here on need another run: this one may already have read past them.
            waiting.TryRemove(consultationId, out _);
            lastRun[consultationId] = time.GetUtcNow();
            // Resolved here, not in the constructor: the store's listener holds this service, so the store cannot be its dependency.
            var computation = services.GetRequiredService<OpinionMapComputation>();
            if (await computation.Recompute(consultationId, stopping.Token) is { } snapshot) Recomputed?.Invoke(snapshot);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            waiting.TryRemove(consultationId, out _);
            // The cached map stays as it was; the next vote or a moderator's recomputation tries again.
            logger.LogWarning(e, "Recomputing the opinion map of {ConsultationId} failed", consultationId);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    public void Dispose()
    {
        // Not disposed: a run still finishing reads the token.
        stopping.Cancel();
    }

    /// <summary>Asks for a recomputation after each transaction that changed a map's votes or statements.</summary>
    public sealed class AfterCommit(OpinionMapRecomputer recomputer) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            foreach (var consultationId in commit.GetEvents().Select(e => e.Data switch
            {
                StatementVoted v => v.ConsultationId,
                StatementApproved a => a.ConsultationId,
                StatementHidden h => h.ConsultationId,
                StatementRestored r => r.ConsultationId,
                _ => Guid.Empty,
            }).Where(id => id != Guid.Empty).Distinct())
                recomputer.Request(consultationId);
            return Task.CompletedTask;
        }
    }
}

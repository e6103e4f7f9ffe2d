using System.Collections.Concurrent;

namespace Nq45Consult.Consultation.Storage;

/// <summary>
/// Group commit: work that arrives while a transaction is under way queues up, and the next transaction takes the
/// whole queue (up to <paramref name="maxBatch"/>) and commits it in one go with <paramref name="commit"/>. One drain
/// loop at a time runs the transactions, one after another; whoever queues work while none runs starts it.
/// Nobody learns their result before <paramref name="commit"/> returns, i.e. before the transaction that holds
/// their work committed. <paramref name="commit"/> gives one result per piece of work, in order, each a completed
/// task, so one piece can fail without failing the others. A caller that gave up before its turn is not acted for.
/// </summary>
public sealed class GroupCommit<TWork, TResult>(Func<IReadOnlyList<TWork>, Task<IReadOnlyList<Task<TResult>>>> commit, int maxBatch)
{
    private readonly ConcurrentQueue<Entry> queue = new();
    private int draining;

    public async Task<TResult> Enqueue(TWork work, CancellationToken cancellation = default)
    {
        var entry = new Entry(work);
        queue.Enqueue(entry);
        using var giveUp = cancellation.Register(() => entry.Outcome.TrySetCanceled(cancellation));
        if (Interlocked.CompareExchange(ref draining, 1, 0) == 0) _ = Task.Run(Drain, CancellationToken.None);
        return await entry.Outcome.Task;
    }

    /// <summary>Commits batches until the queue is empty; work queued as it stops is taken by a new loop.</summary>
    private async Task Drain()
    {
        do
        {
            while (Take() is { Count: > 0 } batch) await Commit(batch);
            // A full fence, not just a release: the store must be visible before the queue is looked at again, or a
            // caller that queued meanwhile could still see the loop running while the loop sees no work (a lost wake-up).
            Interlocked.Exchange(ref draining, 0);
        }
        while (!queue.IsEmpty && Interlocked.CompareExchange(ref draining, 1, 0) == 0);
    }

    private List<Entry> Take()
    {
        var batch = new List<Entry>();
        while (batch.Count < maxBatch && queue.TryDequeue(out var queued))
            if (!queued.Outcome.Task.IsCompleted) batch.Add(queued);
        return batch;
    }

    /// <summary>
    /// Commits a batch, then tells its callers their results in one thread-pool work item, so the loop goes on with the
    /// next batch while their answers are written, and a batch wakes one thread instead of one per caller.
    /// </summary>
    private async Task Commit(List<Entry> batch)
    {
        Action answer;
        try
        {
            var results = await commit([.. batch.Select(e => e.Work)]);
            if (results.Count != batch.Count) throw new InvalidOperationException($"The commit gave {results.Count} results for {batch.Count} pieces of work.");
            answer = () =>
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var result = results[i];
                    if (result.IsCompletedSuccessfully) batch[i].Outcome.TrySetResult(result.Result);
                    else if (result.IsCanceled) batch[i].Outcome.TrySetCanceled();
                    else batch[i].Outcome.TrySetException(result.Exception!.InnerExceptions);
                }
            };
        }
        catch (Exception e)
        {
            answer = () =>
            {
                foreach (var entry in batch) entry.Outcome.TrySetException(e);
            };
        }
        ThreadPool.UnsafeQueueUserWorkItem(static answer => answer(), answer, preferLocal: false);
    }

    private sealed record Entry(TWork Work)
    {
        // Continuations run synchronously on the thread that sets the result: the one work item of Commit.
        public readonly TaskCompletionSource<TResult> Outcome = new();
    }
}

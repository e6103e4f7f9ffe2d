using System.Threading.Channels;

namespace Nq45Consult.Consultation.Storage;

/// <summary>
/// Group commit: work that arrives while a transaction is under way queues up, and the next transaction takes the
/// whole queue (up to <paramref name="maxBatch"/>) and commits it in one go with <paramref name="commit"/>. One reader
/// loop runs the transactions, one after another, and waits without a thread while nothing is queued.
/// Nobody learns their result before <paramref name="commit"/> returns, i.e. before the transaction that holds
/// their work committed. <paramref name="commit"/> gives one result per piece of work, in order, each a completed
/// task, so one piece can fail without failing the others. A caller that gave up before its turn is not acted for.
/// </summary>
public sealed class GroupCommit<TWork, TResult>
{
    private readonly Channel<Entry> queue = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TWork>, Task<IReadOnlyList<Task<TResult>>>> commit;
    private readonly int maxBatch;

    public GroupCommit(Func<IReadOnlyList<TWork>, Task<IReadOnlyList<Task<TResult>>>> commit, int maxBatch)
    {
        (this.commit, this.maxBatch) = (commit, maxBatch);
        // The loop serves every caller, so it must not carry the creator's ambient state (trace activity, log scopes).
        using (ExecutionContext.SuppressFlow()) _ = Task.Run(Drain, CancellationToken.None);
    }

    public async Task<TResult> Enqueue(TWork work, CancellationToken cancellation = default)
    {
        var entry = new Entry(work);
        // Unbounded and never completed: the write always succeeds.
        queue.Writer.TryWrite(entry);
        using var giveUp = cancellation.Register(() => entry.Outcome.TrySetCanceled(cancellation));
        return await entry.Outcome.Task;
    }

    /// <summary>Waits for work, then commits batches until the queue is empty.</summary>
    private async Task Drain()
    {
        while (await queue.Reader.WaitToReadAsync())
            while (Take() is { Count: > 0 } batch) await Commit(batch);
    }

    private List<Entry> Take()
    {
        var batch = new List<Entry>();
        while (batch.Count < maxBatch && queue.Reader.TryRead(out var queued))
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

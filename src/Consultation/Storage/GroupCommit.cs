using System.Collections.Concurrent;

namespace Nq45Consult.Consultation.Storage;

/// <summary>
/// Group commit: work that arrives while a transaction is under way queues up, and whoever next holds the gate
/// takes the whole queue (up to <paramref name="maxBatch"/>) and commits it in one go with <paramref name="commit"/>.
/// Nobody learns their result before <paramref name="commit"/> returns, i.e. before the transaction that holds
/// their work committed. <paramref name="commit"/> gives one result per piece of work, in order, each a completed
/// task, so one piece can fail without failing the others. A caller that gave up before its turn is not acted for.
/// </summary>
public sealed class GroupCommit<TWork, TResult>(Func<IReadOnlyList<TWork>, Task<IReadOnlyList<Task<TResult>>>> commit, int maxBatch)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentQueue<Entry> queue = new();

    public async Task<TResult> Enqueue(TWork work, CancellationToken cancellation = default)
    {
        var entry = new Entry(work);
        queue.Enqueue(entry);
        using var giveUp = cancellation.Register(() => entry.Outcome.TrySetCanceled(cancellation));
        while (!entry.Outcome.Task.IsCompleted)
        {
            try
            {
                await gate.WaitAsync(cancellation);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            try
            {
                // The work may have been committed by the previous holder of the gate.
                if (!entry.Outcome.Task.IsCompleted) await Drain();
            }
            finally
            {
                gate.Release();
            }
        }
        return await entry.Outcome.Task;
    }

    /// <summary>Takes the queued work (under the gate), commits it together, then tells each caller its result.</summary>
    private async Task Drain()
    {
        var batch = new List<Entry>();
        while (batch.Count < maxBatch && queue.TryDequeue(out var queued))
            if (!queued.Outcome.Task.IsCompleted) batch.Add(queued);
        if (batch.Count == 0) return;
        try
        {
            var results = await commit([.. batch.Select(e => e.Work)]);
            for (var i = 0; i < batch.Count; i++)
            {
                var result = results[i];
                if (result.IsCompletedSuccessfully) batch[i].Outcome.TrySetResult(result.Result);
                else if (result.IsCanceled) batch[i].Outcome.TrySetCanceled();
                else batch[i].Outcome.TrySetException(result.Exception!.InnerExceptions);
            }
        }
        catch (Exception e)
        {
            foreach (var entry in batch) entry.Outcome.TrySetException(e);
        }
    }

    private sealed record Entry(TWork Work)
    {
        public readonly TaskCompletionSource<TResult> Outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

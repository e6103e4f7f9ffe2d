using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Consultation.Tests.Storage;

/// <summary>
/// The group commit on its own, with a commit function that records its batches: the feedback and dialogue tests show
/// it over the real database; these pin down batching, ordering, failures and callers that give up.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Work_queued_while_a_batch_commits_is_committed_together_in_the_next_one()
    {
        var firstStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var batches = new List<int[]>();
        var group = new GroupCommit<int, int>(async batch =>
        {
            lock (batches) batches.Add([.. batch]);
            if (batch.Contains(0))
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }
            return [.. batch.Select(n => Task.FromResult(n * 10))];
        }, maxBatch: 100);

        var first = group.Enqueue(0);
        await firstStarted.Task;
        var waiting = Enumerable.Range(1, 5).Select(n => group.Enqueue(n)).ToArray();
        Assert.All(waiting, w => Assert.False(w.IsCompleted)); // nobody answered before their batch committed
        releaseFirst.SetResult();

        var answers = await Task.WhenAll([first, .. waiting]);
        Assert.Equal([0, 10, 20, 30, 40, 50], answers);
        Assert.Equal([[0], [1, 2, 3, 4, 5]], batches);
    }

    [Fact]
    public async Task One_failed_piece_fails_alone_and_a_failed_commit_fails_its_whole_batch()
    {
        var group = new GroupCommit<int, int>(batch => Task.FromResult<IReadOnlyList<Task<int>>>(
            batch.Contains(99) ? throw new InvalidOperationException("transaction failed")
                : [.. batch.Select(n => n == 2 ? Task.FromException<int>(new ArgumentException("bad piece")) : Task.FromResult(n))]), maxBatch: 100);

        Assert.Equal(1, await group.Enqueue(1));
        await Assert.ThrowsAsync<ArgumentException>(() => group.Enqueue(2));
        await Assert.ThrowsAsync<InvalidOperationException>(() => group.Enqueue(99));
        Assert.Equal(3, await group.Enqueue(3)); // the loop goes on after a failed transaction
    }

    [Fact]
    public async Task A_caller_that_gave_up_before_its_turn_is_not_acted_for()
    {
        var firstStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var committed = new List<int>();
        var group = new GroupCommit<int, int>(async batch =>
        {
            if (batch.Contains(0))
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }
            lock (committed) committed.AddRange(batch);
            return [.. batch.Select(Task.FromResult)];
        }, maxBatch: 100);

        var first = group.Enqueue(0);
        await firstStarted.Task;
        using var giveUp = new CancellationTokenSource();
        var abandoned = group.Enqueue(1, giveUp.Token);
        var kept = group.Enqueue(2);
        await giveUp.CancelAsync();
        releaseFirst.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(2, await kept);
        await first;
        Assert.Equal([0, 2], committed);
    }

    [Fact]
    public async Task Many_concurrent_callers_each_get_their_own_result_and_no_batch_exceeds_the_maximum()
    {
        var largest = 0;
        var group = new GroupCommit<int, int>(async batch =>
        {
            InterlockedMax(ref largest, batch.Count);
            await Task.Yield();
            return [.. batch.Select(n => Task.FromResult(-n))];
        }, maxBatch: 7);

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(n => Task.Run(() => group.Enqueue(n))));

        Assert.Equal(Enumerable.Range(0, 500).Select(n => -n), results);
        Assert.InRange(largest, 1, 7);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}

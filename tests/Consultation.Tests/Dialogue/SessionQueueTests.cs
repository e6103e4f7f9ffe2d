using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Consultation.Tests.Dialogue;

/// <summary>The window of a session's latest changes that <c>Resync</c> is served from.</summary>
public class SessionQueueTests
{
    private static readonly DialogueSession Room = ARoom.Live();

    private static SessionChange[] Changes(long from, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SessionChange(from + i, new object(), Room))];

    private static long[] Seqs(SessionQueue queue) => [.. queue.Recent.Select(c => c.Seq)];

    [Fact]
    public void Batches_that_follow_on_are_kept_in_seq_order_up_to_the_window_and_the_oldest_give_way()
    {
        var queue = new SessionQueue();
        queue.Remember(Changes(1, 3), keep: 5);
        queue.Remember(Changes(4, 2), keep: 5);
        Assert.Equal([1L, 2, 3, 4, 5], Seqs(queue));

        queue.Remember(Changes(6, 3), keep: 5);

        Assert.Equal([4L, 5, 6, 7, 8], Seqs(queue));
    }

    [Fact]
    public void A_batch_longer_than_the_window_keeps_its_latest_changes()
    {
        var queue = new SessionQueue();
        queue.Remember(Changes(1, 2), keep: 3);

        queue.Remember(Changes(3, 10), keep: 3);

        Assert.Equal([10L, 11, 12], Seqs(queue));
    }

    [Fact]
    public void A_gap_in_seq_starts_the_window_again_and_a_reader_keeps_the_window_it_took()
    {
        var queue = new SessionQueue();
        queue.Remember(Changes(1, 3), keep: 5);
        var taken = queue.Recent;

        queue.Remember(Changes(7, 2), keep: 5);

        Assert.Equal([7L, 8], Seqs(queue));
        Assert.Equal([1L, 2, 3], taken.Select(c => c.Seq));
    }
}

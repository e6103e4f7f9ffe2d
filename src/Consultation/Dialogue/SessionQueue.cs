using System.Collections.Immutable;
using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>A session's queue of commands and what this node knows of its state; only the queue's drain loop writes them.</summary>
internal sealed class SessionQueue
{
    public GroupCommit<QueuedCommand, DialogueOutcome> Commits = null!;
    public DialogueSession? State;

    /// <summary>
    /// The session's latest changes, contiguous in seq, each with the state right after it: what a reconnecting client
    /// missed is nearly always among them, so <c>Resync</c> need not fold the whole stream again. Replaced whole (never
    /// changed in place), so a reader on another thread sees one consistent window. An immutable list, so that adding a
    /// batch shares what stays: copying the whole window at every batch of a storm made arrays of thousands of entries
    /// per commit, large enough for the large object heap once the window filled (each hall's second storm ran slower).
    /// </summary>
    public volatile ImmutableList<SessionChange> Recent = [];

    /// <summary>Adds changes just stored or caught up with, keeping at most <paramref name="keep"/>.</summary>
    public void Remember(IReadOnlyList<SessionChange> changes, int keep)
    {
        if (changes.Count == 0) return;
        var recent = Recent;
        // A gap (this node never saw the changes in between) starts the window again.
        var joined = (recent.Count > 0 && recent[^1].Seq + 1 == changes[0].Seq ? recent : []).AddRange(changes.TakeLast(keep));
        Recent = joined.Count > keep ? joined.RemoveRange(0, joined.Count - keep) : joined;
    }
}

namespace Nq45Consult.Web.Dialogue;

/// <summary>Settings of the dialogue hub (section <c>Dialogue:Hub</c>); the backplane is <c>SignalR:Redis</c>.</summary>
public sealed class DialogueHubOptions
{
    public const string Section = "Dialogue:Hub";

    /// <summary>Largest message a client may send to the hub, in bytes.</summary>
    public long MaximumReceiveMessageSize { get; set; } = 16 * 1024;

    /// <summary>How often coalesced vote counts and presence are sent; zero sends every vote at once.</summary>
    public TimeSpan BroadcastInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Messages per second a room's coalesced updates (vote counts, presence) may cost this node: after sending one to
    /// n connections, the room's next waits n / this (at least <see cref="BroadcastInterval"/>). A full room then
    /// hears the counts less often instead of the node spending its cores repeating them to everyone during a storm.
    /// </summary>
    public int CoalescedDeliveriesPerSecond { get; set; } = 5_000;

    /// <summary>How often, at most, a room's participant count is sent on its own (each time to everyone in it).</summary>
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Messages per second a room's participant count, sent on its own, may cost this node: after it went to n
    /// connections, the next waits n / this (at least <see cref="PresenceInterval"/>). A count that changed rides free
    /// on any other event to the whole room; on its own it is what a hall filling up costs besides the joins.
    /// </summary>
    public int PresenceDeliveriesPerSecond { get; set; } = 1_000;

    /// <summary>
    /// With a Redis backplane: how long a node's share of a room's presence outlives the node's last
    /// renewal (renewed every third of it), i.e. how long a node that died is still counted.
    /// </summary>
    public TimeSpan PresenceTtl { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Problems()
    {
        if (MaximumReceiveMessageSize < 1024) yield return $"{Section}:MaximumReceiveMessageSize must be at least 1024.";
        if (PresenceInterval < TimeSpan.Zero) yield return $"{Section}:PresenceInterval must not be negative.";
        if (PresenceTtl < TimeSpan.FromSeconds(3)) yield return $"{Section}:PresenceTtl must be at least 3 seconds.";
        if (CoalescedDeliveriesPerSecond < 1) yield return $"{Section}:CoalescedDeliveriesPerSecond must be at least 1.";
        if (PresenceDeliveriesPerSecond < 1) yield return $"{Section}:PresenceDeliveriesPerSecond must be at least 1.";
        if (BroadcastInterval < TimeSpan.Zero) yield return $"{Section}:BroadcastInterval must not be negative.";
    }
}

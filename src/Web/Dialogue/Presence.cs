using System.Collections.Concurrent;

namespace Nq45Consult.Web.Dialogue;

/// <summary>
/// Who is in which room: connections per session, counted as distinct people. Kept in memory, not in
/// the stream (see <c>DialogueSession</c>). Each node tracks its own connections; with a Redis backplane
/// the people a node has in a room are also shared through <see cref="ClusterPresence"/>, so the count
/// is the room's across all nodes.
/// </summary>
public sealed class Presence(ClusterPresence? cluster = null)
{
    private readonly ConcurrentDictionary<Guid, Room> rooms = new();

    /// <summary>Adds a connection; true when its person was not yet in the room on this node.</summary>
    public async Task<bool> Enter(Guid session, string connectionId, string userName)
    {
        var person = userName.ToUpperInvariant();
        var arrived = rooms.GetOrAdd(session, _ => new Room()).Enter(connectionId, person);
        if (arrived && cluster is not null) await cluster.Arrived(session, person);
        return arrived;
    }

    /// <summary>Removes a connection; true when it was its person's last one in the room on this node.</summary>
    public async Task<bool> Leave(Guid session, string connectionId)
    {
        if (!rooms.TryGetValue(session, out var room) || room.Leave(connectionId) is not { } person) return false;
        if (cluster is not null) await cluster.Left(session, person);
        return true;
    }

    /// <summary>Distinct people in the room: on every node when shared, else on this one.</summary>
    public async Task<int> Count(Guid session) =>
        cluster is not null ? await cluster.Count(session) : rooms.TryGetValue(session, out var room) ? room.PeopleCount : 0;

    /// <summary>Whether other nodes serve the same rooms (a Redis backplane): their broadcasts reach this node's clients too.</summary>
    public bool IsShared => cluster is not null;

    /// <summary>Connections this node has in the room: what one broadcast to the room costs this node.</summary>
    public int Connections(Guid session) => rooms.TryGetValue(session, out var room) ? room.ConnectionCount : 0;

    /// <summary>The people this node has in each room it serves.</summary>
    public IEnumerable<(Guid Session, IReadOnlyCollection<string> People)> Local() =>
        rooms.Select(r => (r.Key, LocalPeople(r.Key)));

    private IReadOnlyCollection<string> LocalPeople(Guid session) =>
        rooms.TryGetValue(session, out var room) ? room.People() : [];

    /// <summary>A room on this node: whose each connection is, and how many connections each person has.</summary>
    private sealed class Room
    {
        private readonly Dictionary<string, string> connections = [];
        private readonly Dictionary<string, int> people = [];

        public bool Enter(string connectionId, string person)
        {
            lock (this)
            {
                if (!connections.TryAdd(connectionId, person)) return false;
                people[person] = people.GetValueOrDefault(person) + 1;
                return people[person] == 1;
            }
        }

        /// <summary>The person who left, when this was their last connection.</summary>
        public string? Leave(string connectionId)
        {
            lock (this)
            {
                if (!connections.Remove(connectionId, out var person)) return null;
                if (--people[person] > 0) return null;
                people.Remove(person);
                return person;
            }
        }

        // Counted without copying: the count is read at every join, and a copy of thousands of names each time
        // made joining a full room cost time in proportion to its size.
        public int PeopleCount
        {
            get { lock (this) return people.Count; }
        }

        public int ConnectionCount
        {
            get { lock (this) return connections.Count; }
        }

        public IReadOnlyCollection<string> People()
        {
            lock (this) return [.. people.Keys];
        }
    }
}

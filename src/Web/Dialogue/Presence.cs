using System.Collections.Concurrent;

namespace Nq45Consult.Web.Dialogue;

/// <summary>
/// Who is in which room, on this node: connections per session, counted as distinct people. Kept in
/// memory, not in the stream (see <c>DialogueSession</c>); with several nodes each counts its own.
/// </summary>
public sealed class Presence
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, string>> rooms = new();

    public void Enter(Guid session, string connectionId, string userName) =>
        rooms.GetOrAdd(session, _ => new()).TryAdd(connectionId, userName.ToUpperInvariant());

    public bool Leave(Guid session, string connectionId) =>
        rooms.TryGetValue(session, out var room) && room.TryRemove(connectionId, out _);

    public int Count(Guid session) =>
        rooms.TryGetValue(session, out var room) ? room.Values.Distinct().Count() : 0;
}

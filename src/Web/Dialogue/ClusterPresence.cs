using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Nq45Consult.Web.Dialogue;

/// <summary>
/// Presence shared by the nodes behind one Redis backplane. Each node keeps, per room, a Redis set of
/// the people it has there, which expires unless the node renews it (a node that dies drops out of the
/// count within <c>PresenceTtl</c>); the room's count is the size of the union of those sets, computed
/// in Redis so no member list travels. Any node that sees a change broadcasts the new count to the
/// room's group, which the backplane delivers to every node's clients.
/// </summary>
public sealed class ClusterPresence(IConnectionMultiplexer redis, IOptions<DialogueHubOptions> options)
{
    private const string Prefix = "nq45:presence:";

    // KEYS[1]: the room's set of nodes; KEYS[2]: a scratch key. Node sets no longer there (expired)
    // are dropped from the room's list; the union is stored, counted and deleted in one step.
    private static readonly LuaScript CountScript = LuaScript.Prepare("""
        local nodes = redis.call('SMEMBERS', @nodes)
        local keys = {}
        for _, node in ipairs(nodes) do
          local key = @nodes .. ':' .. node
          if redis.call('EXISTS', key) == 1 then table.insert(keys, key) else redis.call('SREM', @nodes, node) end
        end
        if #keys == 0 then return 0 end
        local count = redis.call('SUNIONSTORE', @scratch, unpack(keys))
        redis.call('DEL', @scratch)
        return count
        """);

    private readonly string node = Guid.NewGuid().ToString("N");

    private IDatabase Db => redis.GetDatabase();

    private TimeSpan Ttl => options.Value.PresenceTtl;

    public async Task Arrived(Guid session, string person)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.SetAddAsync(NodeSet(session), person);
        _ = transaction.KeyExpireAsync(NodeSet(session), Ttl);
        _ = transaction.SetAddAsync(Nodes(session), node);
        await transaction.ExecuteAsync();
    }

    public Task Left(Guid session, string person) => Db.SetRemoveAsync(NodeSet(session), person);

    public async Task<int> Count(Guid session) =>
        (int)await Db.ScriptEvaluateAsync(CountScript, new { nodes = (RedisKey)Nodes(session), scratch = (RedisKey)$"{Nodes(session)}:count:{node}" });

    /// <summary>Renews this node's set of a room; one found missing (Redis restarted) is written again.</summary>
    public async Task Renew(Guid session, IReadOnlyCollection<string> people)
    {
        if (people.Count == 0 || await Db.KeyExpireAsync(NodeSet(session), Ttl)) return;
        var transaction = Db.CreateTransaction();
        _ = transaction.SetAddAsync(NodeSet(session), [.. people.Select(p => (RedisValue)p)]);
        _ = transaction.KeyExpireAsync(NodeSet(session), Ttl);
        _ = transaction.SetAddAsync(Nodes(session), node);
        await transaction.ExecuteAsync();
    }

    /// <summary>
    /// Renews, every third of <c>PresenceTtl</c>, the sets of the rooms this node serves, and recounts those rooms so
    /// that people on a node that died stop being shown once its set has expired.
    /// </summary>
    public sealed class Renewal(
        Presence presence, ClusterPresence cluster, DialogueBroadcaster broadcaster, IOptions<DialogueHubOptions> options, ILogger<Renewal> logger)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(options.Value.PresenceTtl / 3);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                foreach (var (session, people) in presence.Local())
                {
                    try
                    {
                        await cluster.Renew(session, people);
                        await broadcaster.Recount(session);
                    }
                    catch (RedisException e)
                    {
                        logger.LogWarning(e, "Renewing presence of session {Session} failed", session);
                    }
                }
        }
    }

    private static string Nodes(Guid session) => $"{Prefix}{session:N}";

    private string NodeSet(Guid session) => $"{Nodes(session)}:{node}";
}

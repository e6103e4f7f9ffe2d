using System.Collections.Concurrent;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Nq45Consult.Consultation.Accounts.Caching;

namespace Nq45Consult.Web.Accounts;

/// <summary>
/// The open hub connections of each account on this node. <see cref="SessionCheck"/> runs once, when a connection
/// starts, so a connection would otherwise keep that identity until it reconnects; when a change that session checks
/// see is committed (on this node or another: <see cref="AccountCache.Changed"/>), the account's connections here are
/// closed and clients reconnect as the account now is. Only the connections that no longer match the account are
/// closed: one change is signalled twice on the node that made it (after its commit, then by its own notification),
/// and a client that reconnected in between has already been checked against the account as it now is.
/// </summary>
public sealed class HubConnections
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> open = new();
    private readonly IDocumentStore store;
    private readonly AccountCache accounts;

    public HubConnections(IDocumentStore store, AccountCache accounts)
    {
        (this.store, this.accounts) = (store, accounts);
        accounts.Changed += id => _ = End(id);
    }

    public void Opened(Guid account, HubCallerContext connection) =>
        open.GetOrAdd(account, _ => new()).TryAdd(connection.ConnectionId, connection);

    public void Closed(Guid account, HubCallerContext connection)
    {
        if (open.TryGetValue(account, out var connections)) connections.TryRemove(connection.ConnectionId, out _);
    }

    /// <summary>Closes the account's connections on this node that were checked against an earlier state of it.</summary>
    public async Task End(Guid account)
    {
        if (!open.TryGetValue(account, out var connections) || connections.IsEmpty) return;
        Consultation.Accounts.Account? current = null;
        try
        {
            current = await accounts.Find(store, account);
        }
        catch (Exception)
        {
            // The account cannot be read now: closing errs on the safe side, the clients reconnect and are checked again.
        }
        foreach (var connection in connections.Values)
            if (!SessionCheck.StillMatches(current, connection.User!)) connection.Abort();
    }
}

/// <summary>
/// Every hub, every signed-in connection: registers it in <see cref="HubConnections"/> and, before each hub method,
/// re-reads the account (from <see cref="AccountCache"/>). A call from a connection whose account is deactivated, whose
/// stamp changed or whose roles differ from the ones it connected with is refused and the connection closed.
/// </summary>
public sealed class HubSessionCheck(IDocumentStore store, AccountCache accounts, HubConnections connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (SessionCheck.AccountOf(context.Context.User!) is { } account)
        {
            // Registered before the re-read: a change committed meanwhile is either seen here or closes it through End.
            connections.Opened(account, context.Context);
            if (!await StillCurrent(account, context.Context)) throw new HubException(ApiText.Of(context.Context, "HubSessionEnded"));
        }
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (SessionCheck.AccountOf(context.Context.User!) is { } account) connections.Closed(account, context.Context);
        await next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (SessionCheck.AccountOf(invocation.Context.User!) is { } account && !await StillCurrent(account, invocation.Context))
        {
            invocation.Context.Abort();
            throw new HubException(ApiText.Of(invocation.Context, "HubSessionEnded"));
        }
        return await next(invocation);
    }

    // The account instance a connection's last call matched. The cache hands out one instance until the account
    // changes or is read again, and a connection's claims never change, so finding the same instance again needs no
    // comparison (rebuilding the caller's roles at every vote of a storm showed in its profile).
    private static readonly object Matched = new();

    private async Task<bool> StillCurrent(Guid account, HubCallerContext connection)
    {
        var current = await accounts.Find(store, account, connection.ConnectionAborted);
        if (current is not null && connection.Items.TryGetValue(Matched, out var matched) && ReferenceEquals(matched, current)) return true;
        if (!SessionCheck.StillMatches(current, connection.User!)) return false;
        connection.Items[Matched] = current;
        return true;
    }
}

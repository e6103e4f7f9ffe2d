using System.Collections.Concurrent;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Web.Accounts;

/// <summary>
/// The open hub connections of each account on this node. <see cref="SessionCheck"/> runs once, when a connection
/// starts, so a connection would otherwise keep that identity until it reconnects; when a committed change ends the
/// account's sessions or changes its roles, its connections here are closed (clients reconnect as the account now is).
/// </summary>
public sealed class HubConnections
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> open = new();

    public void Opened(Guid account, HubCallerContext connection) =>
        open.GetOrAdd(account, _ => new()).TryAdd(connection.ConnectionId, connection);

    public void Closed(Guid account, HubCallerContext connection)
    {
        if (open.TryGetValue(account, out var connections)) connections.TryRemove(connection.ConnectionId, out _);
    }

    /// <summary>Closes every connection of the account on this node.</summary>
    public void End(Guid account)
    {
        if (!open.TryGetValue(account, out var connections)) return;
        foreach (var connection in connections.Values) connection.Abort();
    }

    /// <summary>Ends the connections of accounts whose committed events end their sessions or change their roles.</summary>
    public sealed class AfterCommit(HubConnections connections) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            foreach (var change in commit.GetEvents())
            {
                if (change.Data is AccountDeactivated or AccountRolesChanged or PasswordReset) connections.End(change.StreamId);
            }
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// Every hub, every signed-in connection: registers it in <see cref="HubConnections"/> and, before each hub method,
/// re-reads the account. A call from a connection whose account is deactivated, whose stamp changed or whose roles
/// differ from the ones it connected with is refused and the connection closed. This also covers a change committed
/// on another node, whose closing reaches only its own connections.
/// </summary>
public sealed class HubSessionCheck(IDocumentStore store, HubConnections connections) : IHubFilter
{
    public const string SessionEnded = "Phiên đăng nhập đã kết thúc hoặc quyền của tài khoản đã thay đổi; hãy kết nối lại.";

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (SessionCheck.AccountOf(context.Context.User!) is { } account)
        {
            // Registered before the re-read: a change committed meanwhile is either seen here or closes it through End.
            connections.Opened(account, context.Context);
            if (!await StillCurrent(account, context.Context)) throw new HubException(SessionEnded);
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
            throw new HubException(SessionEnded);
        }
        return await next(invocation);
    }

    private async Task<bool> StillCurrent(Guid account, HubCallerContext connection)
    {
        await using var session = store.QuerySession();
        return SessionCheck.StillMatches(await session.LoadAsync<Account>(account, connection.ConnectionAborted), connection.User!);
    }
}

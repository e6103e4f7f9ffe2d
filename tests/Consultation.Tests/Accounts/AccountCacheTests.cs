using JasperFx;
using Marten;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Caching;
using Nq45Consult.TestSupport;
using Weasel.Core;

namespace Nq45Consult.Consultation.Tests.Accounts;

/// <summary>Two stores on one database stand for two app nodes: node A caches, node B changes accounts.</summary>
public sealed class AccountCacheTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));
    private readonly string _connectionString = TestCluster.CreateDatabase("account-cache");
    private readonly CancellationTokenSource _stop = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private DocumentStore _nodeA = null!;
    private DocumentStore _nodeB = null!;
    private AccountCache _cache = null!;
    private Task _listening = Task.CompletedTask;

    private DocumentStore Store() => DocumentStore.For(options =>
    {
        options.Connection(_connectionString);
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.AutoCreateSchemaObjects = AutoCreate.All;
        AccountsStore.Configure(options);
    });

    public async Task InitializeAsync()
    {
        (_nodeA, _nodeB) = (Store(), Store());
        _cache = new AccountCache(_clock);
        _listening = _cache.Listen(_connectionString, TimeSpan.FromMilliseconds(50), cancellation: _stop.Token);
        await Until(() => Task.FromResult(_cache.Listening));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _listening;
        _nodeA.Dispose();
        _nodeB.Dispose();
    }

    [Fact]
    public async Task A_cached_account_is_served_from_memory_until_it_is_evicted()
    {
        var id = await Register();
        Assert.Equal("Chuyên gia", (await _cache.Find(_nodeA, id))!.DisplayName);

        await Rename(id, "Đổi ngầm"); // behind the event store's back: no notification
        Assert.Equal("Chuyên gia", (await _cache.Find(_nodeA, id))!.DisplayName);

        _cache.Evict(id);
        Assert.Equal("Đổi ngầm", (await _cache.Find(_nodeA, id))!.DisplayName);
    }

    [Fact]
    public async Task An_entry_is_read_again_once_it_is_older_than_the_maximum_age()
    {
        var id = await Register();
        await _cache.Find(_nodeA, id);
        await Rename(id, "Đổi ngầm"); // no notification: only the age can correct it

        _clock.Advance(AccountCache.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Equal("Chuyên gia", (await _cache.Find(_nodeA, id))!.DisplayName);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Đổi ngầm", (await _cache.Find(_nodeA, id))!.DisplayName);
    }

    [Fact]
    public async Task Deactivation_on_another_node_reaches_this_nodes_cache()
    {
        var id = await Register();
        Assert.True((await _cache.Find(_nodeA, id))!.IsActive);

        await using (var session = _nodeB.LightweightSession())
        {
            session.Events.Append(id, new AccountDeactivated(id, "Nghỉ hưu", Now, "admin"));
            await session.SaveChangesAsync();
        }

        await Until(async () => (await _cache.Find(_nodeA, id))!.IsActive == false);
    }

    [Fact]
    public async Task Sign_in_outcomes_do_not_notify_but_role_changes_do()
    {
        var id = await Register();
        await _cache.Find(_nodeA, id);
        await using (var session = _nodeB.LightweightSession())
        {
            session.Events.Append(id, new SignInFailed(id, Now));
            await session.SaveChangesAsync();
        }
        await Rename(id, "Đổi ngầm");
        await using (var session = _nodeB.LightweightSession())
        {
            session.Events.Append(id, new AccountRolesChanged(id, [Role.Expert, Role.Moderator], [Role.Moderator], [], Now, "admin"));
            await session.SaveChangesAsync();
        }

        await Until(async () => (await _cache.Find(_nodeA, id))!.Roles.Contains(Role.Moderator));
    }

    [Fact]
    public async Task While_the_listening_connection_is_lost_nothing_is_served_from_memory()
    {
        var id = await Register();
        await _cache.Find(_nodeA, id);

        await using (var kill = new NpgsqlConnection(_connectionString))
        {
            await kill.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                $"select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen {AccountCache.Channel}' and datname = current_database()", kill);
            Assert.NotNull(await terminate.ExecuteScalarAsync());
        }
        // Changes made while nobody listens are never notified: the entry must not survive the outage.
        await Rename(id, "Đổi khi mất kết nối");

        await Until(async () => (await _cache.Find(_nodeA, id))!.DisplayName == "Đổi khi mất kết nối");
        await Until(() => Task.FromResult(_cache.Listening));
        Assert.Equal("Đổi khi mất kết nối", (await _cache.Find(_nodeA, id))!.DisplayName);
    }

    private async Task<Guid> Register()
    {
        var id = Guid.CreateVersion7();
        await using var session = _nodeB.LightweightSession();
        session.Events.StartStream<Account>(id, new AccountRegistered(id, $"cg{id:N}", "Chuyên gia", [Role.Expert], "hash", Now, "admin"));
        await session.SaveChangesAsync();
        return id;
    }

    private async Task Rename(Guid id, string displayName)
    {
        await using var session = _nodeB.LightweightSession();
        var account = await session.LoadAsync<Account>(id);
        session.Store(account! with { DisplayName = displayName });
        await session.SaveChangesAsync();
    }

    /// <summary>Waits for something that follows a notification or a reconnect; fails only if it never happens.</summary>
    private static async Task Until(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("The condition never held.");
    }
}

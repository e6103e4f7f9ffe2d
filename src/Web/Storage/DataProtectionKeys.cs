using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Nq45Consult.Web.Storage;

/// <summary>One element of the data-protection key ring (a key or a revocation), as ASP.NET Core wrote it.</summary>
public sealed class DataProtectionKey
{
    public Guid Id { get; set; }

    /// <summary>The name ASP.NET Core gave the element (<c>key-{id}</c>, <c>revocation-…</c>).</summary>
    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";

    public DateTimeOffset StoredAt { get; set; }
}

/// <summary>
/// The key ring that protects sign-in cookies, bearer tokens and anti-forgery tokens, kept in the app's database:
/// every node reads the same keys, so what one node issued another accepts, and a restart keeps them. Elements are
/// only ever added (expired keys stay, as ASP.NET Core expects to read them); the repository offers no deletion.
/// </summary>
public sealed class DataProtectionKeyRepository(IDocumentStore store, TimeProvider time) : IXmlRepository
{
    /// <summary>
    /// Fixed, so every node (whatever its content root or version) derives the same purposes from the same keys; by
    /// default ASP.NET Core uses the content root path, which differs between installations.
    /// </summary>
    public const string ApplicationName = "Nq45Consult";

    // IXmlRepository is synchronous and Marten only offers asynchronous calls. ASP.NET Core has no synchronization
    // context to deadlock on, and the key ring is read rarely (at first use, then about once a day, or when a
    // cookie names a key this node has not seen yet) and written only when a key is created.
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAll().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => Store(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAll()
    {
        await using var session = store.QuerySession();
        var keys = await session.Query<DataProtectionKey>().OrderBy(k => k.StoredAt).ThenBy(k => k.Id).ToListAsync();
        return keys.Select(k => XElement.Parse(k.Xml)).ToList();
    }

    private async Task Store(XElement element, string friendlyName)
    {
        await using var session = store.LightweightSession();
        session.Insert(new DataProtectionKey
        {
            Id = Guid.CreateVersion7(),
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            StoredAt = time.GetUtcNow(),
        });
        await session.SaveChangesAsync();
    }
}

public static class DataProtectionKeysSetup
{
    public static IServiceCollection AddDataProtectionKeysInDatabase(this IServiceCollection services)
    {
        services.ConfigureMarten(options => options.Schema.For<DataProtectionKey>());
        services.AddDataProtection().SetApplicationName(DataProtectionKeyRepository.ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IDocumentStore, TimeProvider>((options, store, time) =>
            options.XmlRepository = new DataProtectionKeyRepository(store, time));
        // After the schema is applied (Marten's start-up service is registered before this one).
        services.AddHostedService<DataProtectionKeysAtStart>();
        return services;
    }
}

/// <summary>
/// Reads the key ring at start, one node at a time, so the first key is made once. A key made when the ring is empty
/// is used at once (later keys are made days before they are used, so every node has read them by then): two nodes
/// starting together on a new database would otherwise each make and use their own, and a cookie from one would not
/// open on the other until it next reads the ring.
/// </summary>
public sealed class DataProtectionKeysAtStart(IDataProtectionProvider protection, DatabaseConnection database, ILogger<DataProtectionKeysAtStart> logger) : IHostedService
{
    /// <summary>The PostgreSQL advisory lock taken while the key ring is read (or its first key made).</summary>
    public const long AdvisoryLock = 0x6E71_3435_4450_0001;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await Run(connection, "select pg_advisory_lock(@lock)", cancellationToken);
            try
            {
                protection.CreateProtector(nameof(DataProtectionKeysAtStart)).Protect([1]);
            }
            finally
            {
                // Pooled connections keep session locks: release it explicitly.
                await Run(connection, "select pg_advisory_unlock(@lock)", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The ring is then read (and a first key made) at the first request that needs it; starting stays possible.
            logger.LogWarning(e, "The data-protection key ring could not be read at start.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task Run(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("lock", AdvisoryLock);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Web.Storage;

/// <summary>
/// ASP.NET Core's key repository over the <see cref="DataProtectionKeyRing"/> in the app's database: what one node
/// issued another accepts, and a restart keeps the keys.
/// </summary>
public sealed class DataProtectionKeyRepository(DataProtectionKeyRing ring) : IXmlRepository
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

    private async Task<IReadOnlyCollection<XElement>> ReadAll() => (await ring.ReadAll()).Select(xml => XElement.Parse(xml)).ToList();

    private Task Store(XElement element, string friendlyName) => ring.Add(element.ToString(SaveOptions.DisableFormatting), friendlyName);
}

public static class DataProtectionKeysSetup
{
    public static IServiceCollection AddDataProtectionKeysInDatabase(this IServiceCollection services)
    {
        services.ConfigureMarten(options => options.Schema.For<DataProtectionKey>());
        services.AddDataProtection().SetApplicationName(DataProtectionKeyRepository.ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IDocumentStore, TimeProvider>((options, store, time) =>
            options.XmlRepository = new DataProtectionKeyRepository(new DataProtectionKeyRing(store, time)));
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

using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

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
        return services;
    }
}

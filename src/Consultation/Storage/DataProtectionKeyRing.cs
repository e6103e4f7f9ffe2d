using Marten;

namespace Nq45Consult.Consultation.Storage;

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
/// The key ring that protects sign-in cookies, bearer tokens and anti-forgery tokens, kept in the app's database so
/// that every node reads the same keys. Elements are only ever added: expired keys stay, as ASP.NET Core expects to
/// read them, and there is no deletion.
/// </summary>
public sealed class DataProtectionKeyRing(IDocumentStore store, TimeProvider time)
{
    /// <summary>Every element's XML, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ReadAll()
    {
        await using var session = store.QuerySession();
        var keys = await session.Query<DataProtectionKey>().OrderBy(k => k.StoredAt).ThenBy(k => k.Id).ToListAsync();
        return keys.Select(k => k.Xml).ToList();
    }

    public async Task Add(string xml, string friendlyName)
    {
        await using var session = store.LightweightSession();
        session.Insert(new DataProtectionKey { Id = Guid.CreateVersion7(), FriendlyName = friendlyName, Xml = xml, StoredAt = time.GetUtcNow() });
        await session.SaveChangesAsync();
    }
}

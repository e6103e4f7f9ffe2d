using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Nq45Consult.TestSupport;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a fresh database of the test run's embedded cluster. Use it as a class fixture:
/// one database per test class, so classes never see each other's data.
/// </summary>
public class ConsultationApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Passw0rd!";

    private string? connectionString;

    /// <summary>A fresh database of the test run's cluster, unless a fixture brings a server of its own.</summary>
    public virtual string ConnectionString => LazyInitializer.EnsureInitialized(ref connectionString, () => TestCluster.CreateDatabase("web"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting rather than ConfigureAppConfiguration: Program reads these before Build().
        builder.UseSetting("ConnectionStrings:Marten", ConnectionString);
        builder.UseSetting("Marten:ApplySchemaOnStart", "true");
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", DemoPassword);
        // The suite signs in from 127.0.0.1 hundreds of times and votes in bulk: the abuse limits are out of its way
        // here, and the tests of the limits set small ones (settings applied after these win).
        foreach (var limit in new RateLimitOptions().All().Keys) builder.UseSetting($"RateLimits:{limit}:Permits", "1000000");
        // The test clients speak plain HTTP to 127.0.0.1, where Secure cookies would not come back;
        // SecurityHeadersTests turns it on again to test it.
        builder.UseSetting("Https:Required", "false");
    }
}

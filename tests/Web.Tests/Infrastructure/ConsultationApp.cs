using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Nq45Consult.TestSupport;

namespace Nq45Consult.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a fresh database of the test run's embedded cluster. Use it as a class fixture:
/// one database per test class, so classes never see each other's data.
/// </summary>
public class ConsultationApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Passw0rd!";

    public string ConnectionString { get; } = TestCluster.CreateDatabase("web");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting rather than ConfigureAppConfiguration: Program reads these before Build().
        builder.UseSetting("ConnectionStrings:Marten", ConnectionString);
        builder.UseSetting("Marten:ApplySchemaOnStart", "true");
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", DemoPassword);
        // The test clients speak plain HTTP to 127.0.0.1, where Secure cookies would not come back;
        // SecurityHeadersTests turns it on again to test it.
        builder.UseSetting("Https:Required", "false");
    }
}

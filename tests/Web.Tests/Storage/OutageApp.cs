using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Nq45Consult.Consultation.Storage;
using Nq45Consult.TestSupport;
using Nq45Consult.Web.Tests.Notifications;

namespace Nq45Consult.Web.Tests.Storage;

/// <summary>
/// The app over a PostgreSQL cluster of its own, which the test stops and starts again under the running app. The
/// run's shared cluster serves every other test class at the same time, so it is never the one stopped. The folder
/// follows <see cref="TestCluster"/>'s naming, so a run killed before cleaning up is reaped by the next one. The
/// outbox's sender runs on its own, often, against a real SMTP server, as it would in production.
/// </summary>
public sealed class OutageApp : NotificationsApp
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"{TestCluster.FolderPrefix}{Environment.ProcessId}-outage-{Guid.NewGuid():N}");
    private readonly EmbeddedPostgresOptions options;
    private EmbeddedPostgresCluster postgres;

    public OutageApp()
    {
        // The port is fixed for the app's whole life: the restarted server must be where the connection string points.
        options = new EmbeddedPostgresOptions { DataPath = "postgres", Database = "app", Fsync = false, Port = FreePort() };
        postgres = EmbeddedPostgresCluster.Start(options, root, NullLogger.Instance);
    }

    public override string ConnectionString => postgres.ConnectionString(options.Database);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:DeliveryInterval", "00:00:00.200");
    }

    /// <summary>A fast shutdown of the postmaster: open sessions are ended (57P01), new connections refused.</summary>
    public void StopDatabase() => postgres.Stop();

    /// <summary>The same cluster started again on the same port, as after an operator's restart.</summary>
    public void StartDatabase() => postgres = EmbeddedPostgresCluster.Start(options, root, NullLogger.Instance);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        postgres.Stop();
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

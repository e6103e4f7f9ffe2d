using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Web.Storage;

/// <summary>Stops the embedded cluster with the app, whether it stops gracefully or the process just exits.</summary>
public sealed class EmbeddedPostgresLifetime(EmbeddedPostgresCluster cluster, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(cluster.Stop);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

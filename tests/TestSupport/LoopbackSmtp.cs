using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Nq45Consult.TestSupport;

/// <summary>A real SMTP server (the SmtpServer package) on a loopback port, which a test or a bench can stop and start again.</summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private SmtpServer.SmtpServer? server;
    private CancellationTokenSource? stop;
    private Task? running;

    public int Port { get; } = FreePort();

    public IReadOnlyList<MimeMessage> Received => received.ToArray();

    public LoopbackSmtp() => Start();

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received));
        server = new SmtpServer.SmtpServer(options, services);
        stop = new CancellationTokenSource();
        running = server.StartAsync(stop.Token);
    }

    /// <summary>Stops listening: connections are refused until <see cref="Start"/>.</summary>
    public async Task Stop()
    {
        if (server is null) return;
        server.Shutdown();
        await server.ShutdownTask;
        await stop!.CancelAsync();
        try { await running!; } catch (OperationCanceledException) { }
        server = null;
    }

    public async ValueTask DisposeAsync() => await Stop();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>
/// A TCP relay on loopback in front of the app, which a test can cut: every open connection is reset
/// and new ones are refused until it is restored. A real network loss for the browser (Chromium's
/// offline emulation leaves open WebSockets untouched).
/// </summary>
public sealed class CuttableLink : IDisposable
{
    private readonly IPEndPoint target;
    private readonly object sync = new();
    private readonly List<TcpClient> open = [];
    private TcpListener listener;
    private int port;

    public CuttableLink(Uri app)
    {
        target = new IPEndPoint(IPAddress.Loopback, app.Port);
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Accept(listener);
    }

    public Uri Address => new($"http://127.0.0.1:{port}");

    /// <summary>Resets every connection and stops listening: the app is unreachable.</summary>
    public void Cut()
    {
        lock (sync)
        {
            listener.Stop();
            foreach (var client in open)
            {
                try
                {
                    // A reset, as when a network drops; a connection the pumps closed already has no socket.
                    if (client.Client is { } socket) socket.LingerState = new LingerOption(true, 0);
                }
                catch (ObjectDisposedException)
                {
                }
                client.Dispose();
            }
            open.Clear();
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore()
    {
        lock (sync)
        {
            listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            _ = Accept(listener);
        }
    }

    private async Task Accept(TcpListener on)
    {
        while (true)
        {
            TcpClient browser;
            try
            {
                browser = await on.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var app = new TcpClient();
            await app.ConnectAsync(target);
            lock (sync) open.AddRange([browser, app]);
            _ = Pump(browser, app);
            _ = Pump(app, browser);
        }
    }

    private static async Task Pump(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            to.Dispose();
            from.Dispose();
        }
    }

    public void Dispose() => Cut();
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>A throw-away redis-server on a free loopback port, without persistence, stopped by its PID.</summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process process;

    public RedisServer()
    {
        Port = FreePort();
        process = Process.Start(new ProcessStartInfo("redis-server", ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start (install it: apt-get install redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Accepts(Port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException($"redis-server did not listen on {Port}.");
            Thread.Sleep(50);
        }
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        try { using var client = new TcpClient(); client.Connect(IPAddress.Loopback, port); return true; }
        catch (SocketException) { return false; }
    }

    public void Dispose()
    {
        if (!process.HasExited) { process.Kill(); process.WaitForExit(5000); }
        process.Dispose();
    }
}

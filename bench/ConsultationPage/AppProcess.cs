using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nq45Consult.Bench.ConsultationPage;

/// <summary>
/// The built web app started as its own process on a free loopback port, with the embedded PostgreSQL
/// in a temporary folder and demo seeding on; stopped with SIGTERM (a clean stop that also stops the
/// database) and its folder removed.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataFolder;

    private AppProcess(Process process, string dataFolder, Uri address) => (_process, _dataFolder, Address) = (process, dataFolder, address);

    public Uri Address { get; }

    /// <param name="settings">Further settings as environment variables (<c>RateLimits__SignInPerAddress__Permits</c>), for a bench that needs them.</param>
    public static async Task<AppProcess> Start(string webDll, string contentRoot, string demoPassword, params (string Key, string Value)[] settings)
    {
        var port = FreePort();
        var dataFolder = Directory.CreateTempSubdirectory("nq45-bench-").FullName;
        var start = new ProcessStartInfo("dotnet", [webDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("ConnectionStrings__Marten");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["EmbeddedPostgres__DataPath"] = Path.Combine(dataFolder, "postgres");
        start.Environment["Seed__Demo"] = "true";
        start.Environment["Seed__DemoPassword"] = demoPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Plain HTTP on loopback, as behind a proxy that ends TLS.
        start.Environment["Https__Required"] = "false";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, dataFolder, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException("The app exited:\n" + string.Join("\n", log.TakeLast(30)));
            if (deadline.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The app was not ready within 2 minutes.");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
        try { Directory.Delete(_dataFolder, recursive: true); }
        catch (IOException) { Console.Error.WriteLine($"Could not remove {_dataFolder}."); }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

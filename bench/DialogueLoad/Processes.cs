using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nq45Consult.Bench.DialogueLoad;

/// <summary>What /proc says of a process: CPU seconds (reaped children included) and resident memory.</summary>
public static class ProcStat
{
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14])) / 100.0;
        }
        catch (IOException) { return 0; }
    }

    /// <summary>A PostgreSQL cluster's CPU: the postmaster (with its ended backends) and its live children.</summary>
    public static double PostgresCpuSeconds(string dataPath)
    {
        var pidFile = Path.Combine(dataPath, "postmaster.pid");
        if (!File.Exists(pidFile)) return 0;
        var postmaster = File.ReadLines(pidFile).First();
        var children = Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(n => int.Parse(n!))
            .Where(pid =>
            {
                try { var s = File.ReadAllText($"/proc/{pid}/stat"); return s[(s.LastIndexOf(')') + 2)..].Split(' ')[1] == postmaster; }
                catch (IOException) { return false; }
            });
        return CpuSeconds(int.Parse(postmaster)) + children.Sum(CpuSeconds);
    }

    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A child process of the bench, its output kept for when it fails; stopped with SIGTERM, killed after 30 s.</summary>
public sealed class Child : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> log = [];
    private readonly TaskCompletionSource<string> firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Child(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public string Log { get { lock (log) return string.Join('\n', log.TakeLast(30)); } }

    /// <summary>The first line the process writes (the bare hub writes its address).</summary>
    public Task<string> FirstLine => firstLine.Task;

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (log) log.Add(line);
        firstLine.TrySetResult(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()])) await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }
        process.Dispose();
    }
}

/// <summary>
/// The published web app (<see cref="Publish"/>) as a process on a free loopback port, run as an operator runs it:
/// Production, demo seeding on the first node, the embedded PostgreSQL (fsync on) in a temporary folder; a second
/// node uses the first one's cluster. Only the abuse limits that one loopback address would hit are raised.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    public const string DemoPassword = "bench-demo-password-1";

    private readonly Child child;
    private readonly string? dataFolder;

    private AppNode(Child child, Uri address, string? dataFolder, string pgData, int pgPort) =>
        (this.child, Address, this.dataFolder, PostgresData, PostgresPort) = (child, address, dataFolder, pgData, pgPort);

    public Uri Address { get; }
    public int Pid => child.Id;
    public string PostgresData { get; }
    public int PostgresPort { get; }

    public string ConnectionString
    {
        get
        {
            var password = File.ReadAllText(Path.Combine(PostgresData, "nq45-password")).Trim();
            return $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Password={password};Database=nq45consult";
        }
    }

    /// <summary>
    /// <c>dotnet publish src/Web</c> in the bench's build configuration into the bench's own output folder, as
    /// docs/deployment.md tells an operator to: the assemblies come out compiled ReadyToRun (Web.csproj), so a fresh
    /// node does not spend its first storms jitting. Returns the published folder; quick when nothing changed.
    /// </summary>
    public static async Task<string> Publish(string repository, string configuration)
    {
        var folder = Path.Combine(repository, "bench", "DialogueLoad", "bin", configuration, "published-app");
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(repository, "src", "Web"), "-c", configuration, "-o", folder, "-v", "q", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish src/Web failed ({publish.ExitCode}):\n{await output}\n{await errors}");
        return folder;
    }

    /// <summary>
    /// Starts a node of the app <see cref="Publish"/> put in <paramref name="app"/>; with <paramref name="first"/> null
    /// it brings its own cluster, else it uses that node's.
    /// </summary>
    public static async Task<AppNode> Start(string repository, string app, AppNode? first, string? redis)
    {
        var port = ProcStat.FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "Nq45Consult.Web.dll"), "--urls", $"http://127.0.0.1:{port}"]) { WorkingDirectory = app };
        start.Environment.Remove("ConnectionStrings__Marten");
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Content__Path"] = Path.Combine(repository, "content");
        // Plain HTTP on loopback, as behind a proxy that ends TLS.
        env["Https__Required"] = "false";
        // Every client signs in and talks from 127.0.0.1, which the per-address limit would take for one office.
        env["RateLimits__SignInPerAddress__Permits"] = "1000000";
        // The moderator's messages are the probes of the latency and reconnect phases.
        env["RateLimits__MessagesPerUser__Permits"] = "1000000";
        if (redis is not null) env["SignalR__Redis"] = redis;
        string? folder = null;
        string pgData;
        int pgPort;
        if (first is null)
        {
            folder = Directory.CreateTempSubdirectory("nq45-dialogue-bench-").FullName;
            pgData = Path.Combine(folder, "pg");
            pgPort = ProcStat.FreePort();
            env["EmbeddedPostgres__DataPath"] = pgData;
            env["EmbeddedPostgres__Port"] = pgPort.ToString();
            env["EmbeddedPostgres__Fsync"] = "true";
            env["Seed__Demo"] = "true";
            env["Seed__DemoPassword"] = DemoPassword;
        }
        else
        {
            (pgData, pgPort) = (first.PostgresData, first.PostgresPort);
            env["ConnectionStrings__Marten"] = first.ConnectionString;
            env["Seed__Demo"] = "false";
        }

        var node = new AppNode(new Child(start), new Uri($"http://127.0.0.1:{port}"), folder, pgData, pgPort);
        using var http = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                if (node.child.HasExited) throw new InvalidOperationException("The app exited:\n" + node.child.Log);
                if (waited.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException("The app was not ready within 3 minutes:\n" + node.child.Log);
                try
                {
                    if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return node;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
                await Task.Delay(250);
            }
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // SIGTERM lets the first node stop its PostgreSQL.
        await child.DisposeAsync();
        if (dataFolder is null) return;
        try { Directory.Delete(dataFolder, recursive: true); }
        catch (IOException) { Console.Error.WriteLine($"Could not remove {dataFolder}."); }
    }
}

/// <summary>A redis-server on a free port, for the two-node run's backplane.</summary>
public sealed class Redis : IAsyncDisposable
{
    private readonly Child child;

    private Redis(Child child, string address) => (this.child, Address) = (child, address);

    public string Address { get; }
    public int Pid => child.Id;

    public static async Task<Redis> Start()
    {
        var port = ProcStat.FreePort();
        var child = new Child(new ProcessStartInfo("redis-server", ["--port", port.ToString(), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"]));
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new Redis(child, $"127.0.0.1:{port}");
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new TimeoutException("redis-server did not listen:\n" + child.Log);
    }

    public ValueTask DisposeAsync() => child.DisposeAsync();
}

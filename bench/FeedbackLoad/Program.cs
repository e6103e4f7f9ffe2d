// Feedback submissions over HTTP against the real app started as a process (embedded PostgreSQL, fsync on,
// as in production), then, on the same cluster, raw single-row Npgsql inserts of a similar JSON row as the
// baseline. Usage: dotnet run -c Release --project bench/FeedbackLoad -- [web.dll] [clients=50] [perClient=40] [warmUpPerClient=40]
// The app is the one built with the bench (same configuration) unless web.dll is given.
// --smoke: 2 clients × 3 submissions; fails unless every request succeeded (the test suite runs it; no time is judged).
using System.Diagnostics;
using System.Reflection;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

var root = FindRepoRoot();
var smoke = args.Contains("--smoke");
if (smoke) args = [];
var configuration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
var webDll = args is [{ Length: > 0 }, ..] ? Path.GetFullPath(args[0]) : Path.Combine(root, $"src/Web/bin/{configuration}/net10.0/Nq45Consult.Web.dll");
var clients = smoke ? 2 : args.Length > 1 ? int.Parse(args[1]) : 50;
var perClient = smoke ? 3 : args.Length > 2 ? int.Parse(args[2]) : 40;
// Enough warm-up requests per client that tiered compilation has finished rewriting the hot path before the timing.
var warmUp = smoke ? 1 : args.Length > 3 ? int.Parse(args[3]) : 40;
if (!File.Exists(webDll)) throw new FileNotFoundException($"Build the app first: dotnet build -c {configuration} src/Web ({webDll})");
var failed = false;

var data = Directory.CreateTempSubdirectory("feedback-load-");
var appPort = FreePort();
var pgPort = FreePort();
const string password = "bench-demo-password-1";
var app = Process.Start(new ProcessStartInfo("dotnet", [webDll, "--urls", $"http://127.0.0.1:{appPort}"])
{
    WorkingDirectory = Path.GetDirectoryName(webDll)!,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    Environment =
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["EmbeddedPostgres__DataPath"] = Path.Combine(data.FullName, "pg"),
        ["EmbeddedPostgres__Port"] = pgPort.ToString(),
        ["EmbeddedPostgres__Fsync"] = "true",
        ["Seed__Demo"] = "true",
        ["Seed__DemoPassword"] = password,
        ["Content__Path"] = Path.Combine(root, "content"),
        // Plain HTTP on loopback, as behind a proxy that ends TLS.
        ["Https__Required"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
        // Production, but over plain HTTP on loopback and with one person's submissions far above the abuse limit.
        ["Https__Required"] = "false",
        ["RateLimits__FeedbackPerUser__Permits"] = "100000000",
    },
})!;
app.OutputDataReceived += (_, _) => { };
app.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[app] {e.Data}"); };
app.BeginOutputReadLine();
app.BeginErrorReadLine();

try
{
    var baseUri = new Uri($"http://127.0.0.1:{appPort}");
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = baseUri };
    await WaitReady(http);
    var consultation = (await http.GetFromJsonAsync<JsonElement>("/api/consultations/ke-hoach-45-nq-tw")).GetProperty("id").GetGuid();
    var sections = (await http.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}")).GetProperty("sections")
        .EnumerateArray().Select(s => s.GetProperty("anchor").GetString()!).ToArray();
    var tokens = new List<string>();
    foreach (var user in new[] { "expert1", "expert2", "expert3" })
    {
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = user, password });
        login.EnsureSuccessStatusCode();
        tokens.Add((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
    }

    // The baseline runs first and closes its connections: the cluster's 100 connections do not hold both pools.
    // The app's cluster asks for the password it generated into its data folder (EmbeddedPostgresCluster.PasswordFileName).
    var pgPassword = File.ReadAllText(Path.Combine(data.FullName, "pg", "nq45-password")).Trim();
    var (rawRate, rawLatencies) = await RawInserts(
        $"Host=127.0.0.1;Port={pgPort};Username=postgres;Password={pgPassword};Database=nq45consult;Maximum Pool Size={clients}", clients, perClient);
    // Warm-up: JIT, connection pools, plans.
    await Submissions(http, consultation, sections, tokens, clients, warmUp);
    var pgData = Path.Combine(data.FullName, "pg");
    var (appCpu0, pgCpu0, selfCpu0) = (Cpu(app.Id), PostgresCpu(pgData), Cpu(Environment.ProcessId));
    var (httpRate, httpLatencies, failures) = await Submissions(http, consultation, sections, tokens, clients, perClient);

    var (appCpu, pgCpu, selfCpu) = (Cpu(app.Id) - appCpu0, PostgresCpu(pgData) - pgCpu0, Cpu(Environment.ProcessId) - selfCpu0);
    var count = clients * perClient;
    Console.WriteLine($"Feedback submissions over HTTP: {clients} clients × {perClient} = {count} (failures {failures})");
    Console.WriteLine($"  {httpRate:N0} submissions/s, p50 {P(httpLatencies, 50):N1} ms, p99 {P(httpLatencies, 99):N1} ms");
    Console.WriteLine($"  CPU per submission: app {appCpu / count * 1000:N2} ms, PostgreSQL {pgCpu / count * 1000:N2} ms, load generator {selfCpu / count * 1000:N2} ms");

    await WhoAmI(http, tokens, clients, warmUp);
    (appCpu0, pgCpu0, selfCpu0) = (Cpu(app.Id), PostgresCpu(pgData), Cpu(Environment.ProcessId));
    var (floorRate, floorLatencies, floorFailures) = await WhoAmI(http, tokens, clients, perClient);
    (appCpu, pgCpu, selfCpu) = (Cpu(app.Id) - appCpu0, PostgresCpu(pgData) - pgCpu0, Cpu(Environment.ProcessId) - selfCpu0);
    Console.WriteLine($"Floor, signed-in GET /api/me: {clients} clients × {perClient} (failures {floorFailures})");
    Console.WriteLine($"  {floorRate:N0} requests/s, p50 {P(floorLatencies, 50):N1} ms, p99 {P(floorLatencies, 99):N1} ms");
    Console.WriteLine($"  CPU per request: app {appCpu / count * 1000:N2} ms, PostgreSQL {pgCpu / count * 1000:N2} ms, load generator {selfCpu / count * 1000:N2} ms");
    Console.WriteLine($"Raw Npgsql single-row JSON inserts, same cluster, fsync on: {clients} writers × {perClient}");
    Console.WriteLine($"  {rawRate:N0} inserts/s, p50 {P(rawLatencies, 50):N1} ms, p99 {P(rawLatencies, 99):N1} ms");
    Console.WriteLine($"Ratio HTTP / raw: {httpRate / rawRate:P0} (target ≥ 50 %, p99 < 50 ms)");
    failed = failures + floorFailures > 0;
    if (failed) Console.WriteLine($"FAILED: {failures} submissions and {floorFailures} requests were not answered as expected");
    else if (smoke) Console.WriteLine("Smoke run: every check held.");
}
finally
{
    // SIGTERM lets the app stop its PostgreSQL; if it hangs, kill it and stop the cluster here.
    using (var term = Process.Start("kill", ["-TERM", app.Id.ToString()])) await term.WaitForExitAsync();
    if (!app.WaitForExit(TimeSpan.FromSeconds(30))) app.Kill();
    StopPostgres(Path.Combine(data.FullName, "pg"));
    try { data.Delete(recursive: true); } catch (IOException) { }
}
return failed ? 1 : 0;

static Task<(double Rate, List<double> Latencies, int Failures)> Submissions(
    HttpClient http, Guid consultation, string[] sections, List<string> tokens, int clients, int perClient) =>
    Requests(http, tokens, clients, perClient, HttpStatusCode.Created, (c, i) => new HttpRequestMessage(HttpMethod.Post, $"/api/consultations/{consultation}/feedback")
    {
        Content = JsonContent.Create(new
        {
            sectionAnchor = sections[(c + i) % sections.Length], stance = "amend", proposedText = "Đề nghị sửa thành: …",
            rationale = $"Lý do {c}-{i}: cần bổ sung chỉ tiêu cụ thể và lộ trình thực hiện theo từng năm.", attribution = "named",
        }),
    });

// The floor every signed-in API call pays: routing, bearer token, the session check's account read, a small JSON answer.
static Task<(double Rate, List<double> Latencies, int Failures)> WhoAmI(HttpClient http, List<string> tokens, int clients, int perClient) =>
    Requests(http, tokens, clients, perClient, HttpStatusCode.OK, (_, _) => new HttpRequestMessage(HttpMethod.Get, "/api/me"));

static async Task<(double Rate, List<double> Latencies, int Failures)> Requests(
    HttpClient http, List<string> tokens, int clients, int perClient, HttpStatusCode expected, Func<int, int, HttpRequestMessage> create)
{
    var latencies = new List<double>[clients];
    var failures = 0;
    var total = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
    {
        latencies[c] = [];
        for (var i = 0; i < perClient; i++)
        {
            using var request = create(c, i);
            request.Headers.Authorization = new("Bearer", tokens[c % tokens.Count]);
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            latencies[c].Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode != expected) Interlocked.Increment(ref failures);
        }
    }));
    return (clients * perClient / total.Elapsed.TotalSeconds, [.. latencies.SelectMany(l => l)], failures);
}

static async Task<(double Rate, List<double> Latencies)> RawInserts(string connectionString, int clients, int perClient)
{
    await using var source = NpgsqlDataSource.Create(connectionString);
    await using (var create = source.CreateCommand("create table if not exists bench_raw_feedback (id uuid primary key, data jsonb not null)"))
        await create.ExecuteNonQueryAsync();
    var json = JsonSerializer.Serialize(new
    {
        consultationId = Guid.NewGuid(), sectionAnchor = "II-1", stance = "amend", proposedText = "Đề nghị sửa thành: …",
        rationale = "Lý do: cần bổ sung chỉ tiêu cụ thể và lộ trình thực hiện theo từng năm.", attribution = "named",
        author = new { userName = "expert1", displayName = "Chuyên gia 1" }, submittedAt = DateTimeOffset.UtcNow,
    });
    var latencies = new List<double>[clients];
    await RawBatch(source, json, clients, 5, new List<double>[clients]); // warm-up
    var total = Stopwatch.StartNew();
    await RawBatch(source, json, clients, perClient, latencies);
    return (clients * perClient / total.Elapsed.TotalSeconds, [.. latencies.SelectMany(l => l)]);
}

static async Task RawBatch(NpgsqlDataSource source, string json, int clients, int perClient, List<double>[] latencies)
{
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
    {
        latencies[c] = [];
        for (var i = 0; i < perClient; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var insert = source.CreateCommand("insert into bench_raw_feedback (id, data) values ($1, $2::jsonb)");
            insert.Parameters.AddWithValue(Guid.CreateVersion7());
            insert.Parameters.AddWithValue(json);
            await insert.ExecuteNonQueryAsync();
            latencies[c].Add(watch.Elapsed.TotalMilliseconds);
        }
    }));
}

// Seconds of CPU a process used, its reaped children included (/proc/<pid>/stat utime, stime, cutime, cstime).
static double Cpu(int pid)
{
    try
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14])) / 100.0;
    }
    catch (IOException) { return 0; }
}

// The cluster's CPU: the postmaster (with its ended backends) and its live children.
static double PostgresCpu(string dataPath)
{
    var postmaster = int.Parse(File.ReadLines(Path.Combine(dataPath, "postmaster.pid")).First());
    var children = Directory.GetDirectories("/proc").Select(d => Path.GetFileName(d)).Where(n => n.All(char.IsAsciiDigit)).Select(int.Parse)
        .Where(pid => { try { var s = File.ReadAllText($"/proc/{pid}/stat"); return s[(s.LastIndexOf(')') + 2)..].Split(' ')[1] == postmaster.ToString(); } catch (IOException) { return false; } });
    return Cpu(postmaster) + children.Sum(Cpu);
}

static double P(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static async Task WaitReady(HttpClient http)
{
    // Five minutes: on the shared machine a start-up (initdb, schema, seeding) under a load of 20 takes over a minute.
    for (var i = 0; i < 1200; i++)
    {
        try
        {
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
        }
        catch (HttpRequestException) { }
        await Task.Delay(250);
    }
    throw new TimeoutException("The app did not become ready in 5 min.");
}

static void StopPostgres(string dataPath)
{
    var pgCtl = Directory.GetFiles("/usr/lib/postgresql", "pg_ctl", SearchOption.AllDirectories).FirstOrDefault();
    if (pgCtl is null || !File.Exists(Path.Combine(dataPath, "postmaster.pid"))) return;
    var asRoot = Environment.UserName == "root";
    using var stop = Process.Start(asRoot ? "runuser" : pgCtl,
        asRoot ? ["-u", "postgres", "--", pgCtl, "stop", "-D", dataPath, "-m", "fast"] : ["stop", "-D", dataPath, "-m", "fast"]);
    stop.WaitForExit();
}

static int FreePort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Nq45Consult.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("Run from inside the repository.");
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Nq45Consult.Bench.ConsultationPage;

namespace Nq45Consult.Bench.OpinionMap;

/// <summary>
/// Votes over HTTP against the real app started as a process (the bench's build configuration, embedded PostgreSQL,
/// demo seeding): a moderator turns the map on for a consultation and seeds statements, experts with their own accounts
/// each vote on every statement at once (POST /api/statements/{id}/vote). Prints the rate and latencies; checks that
/// every vote was answered 200 and that the statements' counts add up to exactly the votes cast.
/// </summary>
public static class VoteRate
{
    public const int Voters = 100;
    public const int Statements = 50;
    public const int SmokeVoters = 4;
    public const int SmokeStatements = 5;

    public sealed record Outcome(int Votes, int Failures, int Counted, double PerSecond)
    {
        public bool Held => Failures == 0 && Counted == Votes;
    }

    public static async Task<Outcome> Run(bool smoke, TextWriter output)
    {
        var (voters, statements) = smoke ? (SmokeVoters, SmokeStatements) : (Voters, Statements);
        var root = Repository();
        var webProject = Path.Combine(root, "src", "Web");
        var configuration = typeof(VoteRate).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var webDll = Path.Combine(webProject, "bin", configuration, "net10.0", "Nq45Consult.Web.dll");
        var password = "Bench-" + Guid.NewGuid().ToString("N")[..12] + "!";
        // Every voter signs in from loopback: far above the per-address sign-in limit.
        await using var app = await AppProcess.Start(webDll, webProject, password, ("RateLimits__SignInPerAddress__Permits", "1000000"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = voters * 2 }) { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(2) };

        var moderator = await Token(http, "moderator", password);
        var admin = await Token(http, "admin", password);
        var consultation = (await Send(http, moderator, HttpMethod.Get, "/api/consultations/ke-hoach-45-nq-tw")).GetProperty("id").GetGuid();
        await Send(http, moderator, HttpMethod.Post, $"/api/consultations/{consultation}/opinion-map", new { });
        var ids = new List<Guid>();
        for (var s = 0; s < statements; s++)
            ids.Add((await Send(http, moderator, HttpMethod.Post, $"/api/consultations/{consultation}/statements", new { text = $"Nhận định thử tải {s}" })).GetProperty("id").GetGuid());
        var tokens = new List<string>();
        for (var v = 0; v < voters; v++)
        {
            var userName = $"bench.voter{v}";
            await Send(http, admin, HttpMethod.Post, "/api/users", new { userName, displayName = $"Chuyên gia thử tải {v}", email = $"{userName}@example.vn", roles = new[] { "Expert" }, password });
            tokens.Add(await Token(http, userName, password));
        }

        // Warm-up: every voter's vote on the first statement (JIT, connection pools, plans); then every other statement.
        var (_, _, warmUpFailures) = await Votes(http, tokens, ids.Take(1).ToList());
        var (rate, latencies, failures) = await Votes(http, tokens, ids.Skip(1).ToList());
        var listed = await Send(http, moderator, HttpMethod.Get, $"/api/consultations/{consultation}/statements");
        var counted = listed.EnumerateArray().Sum(s => s.GetProperty("agree").GetInt32() + s.GetProperty("disagree").GetInt32() + s.GetProperty("pass").GetInt32());

        var timed = voters * (statements - 1);
        output.WriteLine($"Votes over HTTP: {voters} experts × {statements - 1} statements = {timed:N0} votes at once (failures {failures + warmUpFailures}), load average {LoadAverage()}");
        output.WriteLine($"  {rate:N0} votes/s, p50 {Percentile(latencies, 50):N1} ms, p99 {Percentile(latencies, 99):N1} ms");
        output.WriteLine($"  counted on the statements afterwards: {counted:N0} of {voters * statements:N0} votes cast");
        return new Outcome(voters * statements, failures + warmUpFailures, counted, rate);
    }

    /// <summary>Each voter, concurrently with the others, votes on each statement in turn (agree, disagree or pass by a fixed pattern).</summary>
    private static async Task<(double Rate, List<double> Latencies, int Failures)> Votes(HttpClient http, List<string> tokens, List<Guid> statements)
    {
        string[] choices = ["agree", "disagree", "pass"];
        var latencies = new List<double>[tokens.Count];
        var failures = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select(async (token, v) =>
        {
            latencies[v] = [];
            for (var s = 0; s < statements.Count; s++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/statements/{statements[s]}/vote")
                {
                    Content = JsonContent.Create(new { vote = choices[(v + s) % choices.Length] }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var watch = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                latencies[v].Add(watch.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failures);
            }
        }));
        return (tokens.Count * statements.Count / total.Elapsed.TotalSeconds, [.. latencies.SelectMany(l => l)], failures);
    }

    private static async Task<string> Token(HttpClient http, string userName, string password)
    {
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> Send(HttpClient http, string token, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Nq45Consult.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Run from inside the repository.");
    }
}

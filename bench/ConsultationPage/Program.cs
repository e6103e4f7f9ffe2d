using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Nq45Consult.Bench.ConsultationPage;
using Nq45Consult.Bench.DraftParsing;
using Nq45Consult.Consultation.Drafts.Parsing;

// Server time of GET /consultations/{slug} for the seed draft and for a generated draft at the
// section limit, through the real app started as a process (the bench's build configuration, embedded PostgreSQL).
// Usage: dotnet run -c Release --project bench/ConsultationPage -- [requests=200] [--smoke]
// --smoke: a 50-section draft, 3 requests each; fails unless both pages show every section (the test suite runs it).
var smoke = args.Contains("--smoke");
var warmUp = smoke ? 1 : 20;
var requests = smoke ? 3 : args.Length > 0 && int.TryParse(args[0], out var n) ? n : 200;

var root = FindRepository();
var webProject = Path.Combine(root, "src", "Web");
var configuration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
var webDll = Path.Combine(webProject, "bin", configuration, "net10.0", "Nq45Consult.Web.dll");
var password = "Bench-" + Guid.NewGuid().ToString("N")[..12] + "!";

await using var app = await AppProcess.Start(webDll, webProject, password);
using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(2) };

var generated = smoke ? 50 : DraftLimits.MaxSections;
var markdown = SyntheticDraft.WithSections(generated);
var bigSlug = await PublishOpen(http, "Dự thảo thử tải 5000 mục", markdown, password);

Console.WriteLine($"GET /consultations/{{slug}}, anonymous, {warmUp} warm-up then {requests} sequential requests (client-side time to the last byte, loopback).");
Console.WriteLine("| Page | Sections | HTML bytes | p50 ms | p95 ms | p99 ms | requests/s |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
await Measure(http, "ke-hoach-45-nq-tw", requests, warmUp);
var shown = await Measure(http, bigSlug, requests, warmUp);
if (shown != generated)
{
    Console.WriteLine($"FAILED: the generated draft shows {shown} sections, not {generated}.");
    return 1;
}
if (smoke) Console.WriteLine("Smoke run: every check held.");
return 0;

static async Task<int> Measure(HttpClient http, string slug, int count, int warmUp)
{
    var path = $"/consultations/{slug}";
    var sections = (await http.GetFromJsonAsync<JsonElement>($"/api/consultations/{slug}")).GetProperty("sections").GetArrayLength();
    var bytes = 0;
    for (var i = 0; i < warmUp; i++) bytes = (await Get(http, path)).Length;
    var timings = new double[count];
    var total = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        var watch = Stopwatch.StartNew();
        await Get(http, path);
        timings[i] = watch.Elapsed.TotalMilliseconds;
    }
    var seconds = total.Elapsed.TotalSeconds;
    Array.Sort(timings);
    double P(double q) => timings[Math.Min(count - 1, (int)Math.Ceiling(q * count) - 1)];
    Console.WriteLine($"| {path} | {sections:N0} | {bytes:N0} | {P(0.50):F1} | {P(0.95):F1} | {P(0.99):F1} | {count / seconds:F1} |");
    return sections;
}

static async Task<byte[]> Get(HttpClient http, string path)
{
    using var response = await http.GetAsync(path);
    response.EnsureSuccessStatusCode();
    return await response.Content.ReadAsByteArrayAsync();
}

/// <summary>Creates, publishes and opens a consultation as the demo moderator; returns its slug.</summary>
static async Task<string> PublishOpen(HttpClient http, string title, string markdown, string password)
{
    var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = "moderator", password });
    login.EnsureSuccessStatusCode();
    var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
    using var moderator = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    moderator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var now = DateTimeOffset.UtcNow;
    var created = await moderator.PostAsJsonAsync("/api/consultations", new
    {
        title, summary = "Dự thảo sinh tự động cho đo hiệu năng.", draftingAgency = "Ban đo hiệu năng", fields = new[] { "khác" },
        audience = "public", documentType = "legal-document", opensAt = now, closesAt = now.AddDays(30),
    });
    created.EnsureSuccessStatusCode();
    var consultation = await created.Content.ReadFromJsonAsync<JsonElement>();
    var id = consultation.GetProperty("id").GetString();
    var publish = Stopwatch.StartNew();
    (await moderator.PostAsJsonAsync($"/api/consultations/{id}/versions", new { markdown })).EnsureSuccessStatusCode();
    Console.WriteLine($"Published the generated draft ({markdown.Length:N0} characters) in {publish.Elapsed.TotalMilliseconds:F0} ms.");
    (await moderator.PostAsync($"/api/consultations/{id}/open", null)).EnsureSuccessStatusCode();
    return consultation.GetProperty("slug").GetString()!;
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Nq45Consult.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository (Nq45Consult.sln not found above the bench's folder).");
}

using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Nq45Consult.TestSupport.Bench;

/// <summary>
/// Runs a harness of bench/ in smoke mode (<c>--smoke</c>: its smallest size, its correctness checks, no time judged)
/// as its own process, from the repository root and in the build configuration of the tests, so that a change that
/// breaks a benchmark fails the suite. A harness exits non-zero when a check fails and prints
/// <see cref="AllChecksHeld"/> when every one held.
/// </summary>
public static class BenchSmoke
{
    public const string AllChecksHeld = "Smoke run: every check held.";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    public sealed record Run(int ExitCode, string Output)
    {
        public bool Passed => ExitCode == 0 && Output.Contains(AllChecksHeld);
    }

    /// <summary>
    /// Builds bench/<paramref name="project"/> (already built by a solution build: then quick) and runs it with --smoke;
    /// a script harness (<c>measure.sh</c>) is run with --smoke and the configuration.
    /// </summary>
    public static async Task<Run> Of(string project)
    {
        var configuration = typeof(BenchSmoke).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(Repository(), "bench", project);
        // A harness that is a script (bench/Startup) runs the checkout as built.
        var script = Path.Combine(path, "measure.sh");
        if (File.Exists(script)) return await Start("bash", [script, "--smoke", configuration]);
        var build = await Start("dotnet", ["build", path, "-c", configuration, "-v", "q", "-nologo"]);
        if (build.ExitCode != 0) return build;
        return await Start("dotnet", ["run", "--no-build", "-c", configuration, "--project", path, "--", "--smoke"]);
    }

    private static async Task<Run> Start(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = Repository(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The harness brings its own database; a connection string the test host was given must not leak into it.
        start.Environment.Remove("ConnectionStrings__Marten");
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (output) output.AppendLine($"Stopped after {Limit.TotalMinutes} minutes.");
            return new Run(-1, output.ToString());
        }
        process.WaitForExit();
        lock (output) return new Run(process.ExitCode, $"{file} {string.Join(' ', arguments)}\n{output}");
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Nq45Consult.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Nq45Consult.sln not found above the tests' folder.");
    }
}

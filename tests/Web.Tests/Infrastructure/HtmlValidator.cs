using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.Infrastructure;

/// <summary>
/// The npm package html-validate (tests/Web.Tests/package.json, restored by the build) run through Node
/// on a page's served HTML, with the rules of tests/Web.Tests/.htmlvalidate.json.
/// </summary>
public static class HtmlValidator
{
    private static readonly string ProjectDirectory = typeof(HtmlValidator).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestProjectDirectory").Value!;

    /// <summary>Every problem html-validate reports, as "line:column rule: message"; empty when the HTML is valid.</summary>
    public static async Task<IReadOnlyList<string>> Problems(string html)
    {
        var file = Path.Combine(Path.GetTempPath(), $"page-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            var node = new ProcessStartInfo("node")
            {
                ArgumentList = { Path.Combine("node_modules", "html-validate", "bin", "html-validate.mjs"), "--config", ".htmlvalidate.json", "--formatter", "json", file },
                WorkingDirectory = ProjectDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(node)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            // Exit code 1 means "problems found"; anything else that is not 0 is the tool failing.
            if (process.ExitCode is not (0 or 1))
                throw new InvalidOperationException($"html-validate exited with {process.ExitCode}: {await errors}");
            return Read(await output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<string> Read(string json)
    {
        var problems = new List<string>();
        foreach (var result in JsonDocument.Parse(json).RootElement.EnumerateArray())
        foreach (var message in result.GetProperty("messages").EnumerateArray())
            problems.Add($"{message.GetProperty("line")}:{message.GetProperty("column")} {message.GetProperty("ruleId").GetString()}: " +
                $"{message.GetProperty("message").GetString()} `{(message.TryGetProperty("selector", out var s) ? s.ToString() : "")}`");
        return problems;
    }
}

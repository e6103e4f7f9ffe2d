using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.Infrastructure;

/// <summary>
/// The npm package html-validate (tests/Web.Tests/package.json, restored by the build) run through Node
/// on a page's served HTML, with the rules of tests/Web.Tests/.htmlvalidate.json: <c>html-validate:recommended</c>
/// less a few style rules that Razor's output breaks while staying valid HTML —
/// <c>no-trailing-whitespace</c> (Razor keeps the template's indentation on lines whose code renders nothing),
/// <c>void-style</c> and <c>attribute-boolean-style</c> (tag helpers write <c>&lt;input /&gt;</c> and
/// <c>checked="checked"</c>, hand-written markup <c>&lt;input&gt;</c> and <c>checked</c>; both are valid),
/// <c>long-title</c> (a search-engine hint; a consultation's title is the draft's official name and stays whole)
/// — and <c>form-dup-name</c> also letting checkboxes share a name (a group binds to one list).
/// </summary>
public static class HtmlValidator
{
    private static readonly string ProjectDirectory = typeof(HtmlValidator).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestProjectDirectory").Value!;

    /// <summary>Every problem html-validate reports, as "line:column rule: message"; empty when the HTML is valid.</summary>
    public static async Task<IReadOnlyList<string>> Problems(string html)
    {
        var file = Path.Combine(Path.GetTempPath(), $"page-{Guid.NewGuid():N}.html");
        var report = Path.ChangeExtension(file, ".json");
        await File.WriteAllTextAsync(file, html);
        try
        {
            var node = new ProcessStartInfo("node")
            {
                ArgumentList = { Path.Combine("node_modules", "html-validate", "bin", "html-validate.mjs"), "--config", ".htmlvalidate.json", "--formatter", $"json={report}", file },
                WorkingDirectory = ProjectDirectory,
                RedirectStandardError = true,
            };
            // The report goes to a file: html-validate ends with process.exit(), which cuts a piped stdout at 64 KiB.
            using var process = Process.Start(node)!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            // Exit code 1 means "problems found"; anything else that is not 0 is the tool failing.
            if (process.ExitCode is not (0 or 1))
                throw new InvalidOperationException($"html-validate exited with {process.ExitCode}: {await errors}");
            return Read(await File.ReadAllTextAsync(report));
        }
        finally
        {
            File.Delete(file);
            File.Delete(report);
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

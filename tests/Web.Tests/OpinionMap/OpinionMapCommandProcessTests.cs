using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.OpinionMap;

/// <summary>
/// The built Web program run as an analyst runs it, with the <c>opinion-map</c> verb: it prints the map and
/// exits before the web host (and so the database) is set up. The analysis itself is tested in Consultation.Tests.
/// </summary>
public class OpinionMapCommandProcessTests
{
    [Fact]
    public async Task The_web_program_prints_the_opinion_map_of_a_Pol_is_export_without_a_host_or_database()
    {
        var folder = Directory.CreateTempSubdirectory("opinion-map-");
        try
        {
            var file = Path.Combine(folder.FullName, "participants-votes.csv");
            await File.WriteAllTextAsync(file, TwoCampsExport());
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.FullName };
            foreach (var argument in new[] { typeof(Program).Assembly.Location, "opinion-map", file }) start.ArgumentList.Add(argument);

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            // Not a time limit on the command: only a guard so a hung program fails the run instead of stalling it.
            using var hung = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await process.WaitForExitAsync(hung.Token);

            Assert.True(process.ExitCode == 0, await error);
            var map = JsonDocument.Parse(await output).RootElement;
            Assert.Equal(17, map.GetProperty("participants").GetInt32());
            var groups = map.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("participants").EnumerateArray().Select(p => p.GetString()).Order().ToList()).ToList();
            Assert.Equal(2, groups.Count);
            Assert.Contains(groups, g => g.SequenceEqual(Enumerable.Range(0, 8).Select(p => $"{p}").Order()));
            Assert.Equal(["7"], map.GetProperty("consensus").EnumerateArray().Select(s => s.GetString()));
            // Nothing of the web host started: no log line, no database.
            Assert.Empty(await error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Pol.is's export format: participants 0–7 agree with statements 0–5, 8–15 reject them, all agree with 7; 16 voted twice.</summary>
    private static string TwoCampsExport()
    {
        var csv = new StringBuilder("participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2,3,4,5,6,7\n");
        for (var p = 0; p < 16; p++)
        {
            var side = p < 8 ? "1" : "-1";
            var votes = Enumerable.Range(0, 8).Select(s => s == 7 ? "1" : s == 6 ? "0" : s == p % 6 && p % 3 == 0 ? "0" : side);
            csv.AppendLine($"{p},,0,8,0,0,{string.Join(',', votes)}");
        }

        csv.AppendLine("16,,0,2,1,1,1,-1,,,,,,");
        return csv.ToString();
    }
}

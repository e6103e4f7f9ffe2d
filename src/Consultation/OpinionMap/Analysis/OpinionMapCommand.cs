using System.Text.Json;

namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>
/// <c>dotnet run --project src/Web -- opinion-map &lt;participants-votes.csv&gt;</c>: computes the opinion
/// map of a Pol.is export and prints it as JSON, so an analyst can set it beside Pol.is's own groups. The
/// export's <c>comments.csv</c>, when beside the file, supplies the moderated-out statements. Needs neither
/// the web host nor the database.
/// </summary>
public static class OpinionMapCommand
{
    public const string Verb = "opinion-map";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static bool IsRequested(string[] args) => args is [Verb, ..];

    /// <returns>0 when printed, 2 for a missing or unreadable file.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [Verb, var file])
        {
            error.WriteLine("Usage: dotnet run --project src/Web -- opinion-map <participants-votes.csv>");
            return 2;
        }

        PolisConversation conversation;
        try
        {
            conversation = PolisVotesCsv.ReadFile(Resolved(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or CsvHelper.CsvHelperException)
        {
            error.WriteLine($"{file}: {e.Message}");
            return 2;
        }

        output.WriteLine(JsonSerializer.Serialize(Summary(OpinionMapAnalysis.Analyse(conversation.Votes)), Json));
        return 0;
    }

    /// <summary>
    /// <c>dotnet run --project</c> starts the program in the project's folder, not where the analyst typed the
    /// command; a relative path not found from there is taken from the shell's folder (<c>PWD</c>).
    /// </summary>
    private static string Resolved(string file)
    {
        if (Path.IsPathRooted(file) || File.Exists(file)) return file;
        var shellFolder = Environment.GetEnvironmentVariable("PWD");
        return shellFolder is null ? file : Path.Combine(shellFolder, file);
    }

    /// <summary>The analyst's view: who is in which group, by the file's participant ids.</summary>
    public static CommandOutput Summary(OpinionMapResult map) => new(
        map.Participants,
        map.Groups.Select(g => new CommandGroup(g.Id, g.Size, g.ParticipantKeys)).ToList(),
        map.Consensus,
        map.Divisive);

    public sealed record CommandOutput(int Participants, IReadOnlyList<CommandGroup> Groups, IReadOnlyList<string> Consensus, IReadOnlyList<string> Divisive);

    public sealed record CommandGroup(int Id, int Size, IReadOnlyList<string> Participants);
}

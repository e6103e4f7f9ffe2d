using System.Globalization;
using CsvHelper;

namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>A Pol.is export: the votes, and the group Pol.is placed each participant in (absent when none).</summary>
public sealed record PolisConversation(VoteMatrix Votes, IReadOnlyDictionary<string, string> PolisGroupOf);

/// <summary>
/// Reads Pol.is's <c>participants-votes.csv</c> export (compdemocracy/openData): columns <c>participant</c>,
/// <c>group-id</c>, four count columns, then one column per statement id holding 1, -1, 0 or nothing.
/// The file holds only numbers and ids, so a plain comma split is enough. The export's <c>comments.csv</c>,
/// when given, tells which statements a moderator removed (<c>moderated</c> = -1); Pol.is's groups were
/// computed with those statements moderated out, so a comparison needs them too.
/// </summary>
public static class PolisVotesCsv
{
    private const string ParticipantColumn = "participant";
    private const string GroupColumn = "group-id";
    private const string LastCountColumn = "n-disagree";
    private const string CommentsFile = "comments.csv";
    private const string CommentIdColumn = "comment-id";
    private const string ModeratedColumn = "moderated";

    /// <summary>The file read from disk, with the <c>comments.csv</c> beside it when there is one.</summary>
    public static PolisConversation ReadFile(string votesFile)
    {
        using var votes = File.OpenText(votesFile);
        var commentsFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(votesFile))!, CommentsFile);
        if (!File.Exists(commentsFile)) return Read(votes);
        using var comments = File.OpenText(commentsFile);
        return Read(votes, comments);
    }

    public static PolisConversation Read(TextReader reader, TextReader? comments = null)
    {
        var header = (reader.ReadLine() ?? throw new FormatException("The file is empty.")).Split(',');
        var participantAt = Column(header, ParticipantColumn);
        var groupAt = Column(header, GroupColumn);
        var firstStatement = Column(header, LastCountColumn) + 1;
        var statementIds = header[firstStatement..];
        var participants = new List<string>();
        var groups = new Dictionary<string, string>();
        var votes = new List<Vote>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            if (cells.Length != header.Length) throw new FormatException($"Line {lineNumber}: {cells.Length} cells, the header has {header.Length}.");
            var participant = cells[participantAt];
            participants.Add(participant);
            if (cells[groupAt].Length > 0) groups[participant] = cells[groupAt];
            for (var c = firstStatement; c < cells.Length; c++)
            {
                if (cells[c].Length == 0) continue;
                if (!int.TryParse(cells[c], out var value)) throw new FormatException($"Line {lineNumber}: vote '{cells[c]}' is not a number.");
                votes.Add(new Vote(participant, header[c], value));
            }
        }

        var moderatedOut = comments is null ? [] : ModeratedOut(comments).Where(statementIds.Contains);
        return new PolisConversation(new VoteMatrix(participants, statementIds, votes, moderatedOut), groups);
    }

    /// <summary>Ids of the statements moderated out; comment bodies may hold commas, quotes and line breaks, hence a real CSV reader.</summary>
    private static List<string> ModeratedOut(TextReader comments)
    {
        using var csv = new CsvReader(comments, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var moderatedOut = new List<string>();
        while (csv.Read())
        {
            if (csv.GetField(ModeratedColumn) == "-1") moderatedOut.Add(csv.GetField(CommentIdColumn) ?? "");
        }

        return moderatedOut;
    }

    private static int Column(string[] header, string name)
    {
        var at = Array.IndexOf(header, name);
        return at >= 0 ? at : throw new FormatException($"The header has no '{name}' column.");
    }
}

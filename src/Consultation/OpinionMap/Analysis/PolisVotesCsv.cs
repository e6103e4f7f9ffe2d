namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>A Pol.is export: the votes, and the group Pol.is placed each participant in (absent when none).</summary>
public sealed record PolisConversation(VoteMatrix Votes, IReadOnlyDictionary<string, string> PolisGroupOf);

/// <summary>
/// Reads Pol.is's <c>participants-votes.csv</c> export (compdemocracy/openData): columns <c>participant</c>,
/// <c>group-id</c>, four count columns, then one column per statement id holding 1, -1, 0 or nothing.
/// The file holds only numbers and ids, so a plain comma split is enough.
/// </summary>
public static class PolisVotesCsv
{
    private const string ParticipantColumn = "participant";
    private const string GroupColumn = "group-id";
    private const string LastCountColumn = "n-disagree";

    public static PolisConversation Read(TextReader reader)
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

        return new PolisConversation(new VoteMatrix(participants, statementIds, votes), groups);
    }

    private static int Column(string[] header, string name)
    {
        var at = Array.IndexOf(header, name);
        return at >= 0 ? at : throw new FormatException($"The header has no '{name}' column.");
    }
}

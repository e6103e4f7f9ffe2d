using System.Text.Json;
using Nq45Consult.Bench.OpinionMap;
using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

public class OpinionMapCommandTests
{
    [Fact]
    public void The_command_prints_the_groups_by_the_files_participant_ids()
    {
        var file = PolisOpenData.VotesFile("15-per-hour-seattle");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = OpinionMapCommand.Run([OpinionMapCommand.Verb, file], output, error);

        Assert.Equal(0, exit);
        Assert.Empty(error.ToString());
        var json = JsonDocument.Parse(output.ToString()).RootElement;
        var polis = PolisOpenData.Read("15-per-hour-seattle");
        var groups = json.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(2, groups.Count);
        var placed = groups.SelectMany(g => g.GetProperty("participants").EnumerateArray().Select(p => p.GetString()!)).ToList();
        Assert.Equal(groups.Sum(g => g.GetProperty("size").GetInt32()), placed.Count);
        Assert.All(placed, p => Assert.Contains(p, polis.Votes.ParticipantKeys));
        Assert.True(json.GetProperty("participants").GetInt32() >= placed.Count);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("consensus").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("divisive").ValueKind);
    }

    [Fact]
    public void A_missing_file_or_argument_is_an_error_and_prints_no_map()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(2, OpinionMapCommand.Run([OpinionMapCommand.Verb, "/nonexistent/participants-votes.csv"], output, error));
        Assert.Equal(2, OpinionMapCommand.Run([OpinionMapCommand.Verb], output, error));
        Assert.Empty(output.ToString());
        Assert.Contains("Usage", error.ToString());
    }

    [Fact]
    public void Only_the_verb_asks_for_the_command()
    {
        Assert.True(OpinionMapCommand.IsRequested(["opinion-map", "x.csv"]));
        Assert.False(OpinionMapCommand.IsRequested([]));
        Assert.False(OpinionMapCommand.IsRequested(["import", "opinion-map"]));
    }
}

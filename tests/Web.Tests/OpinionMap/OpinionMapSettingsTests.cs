using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.OpinionMap;

public class OpinionMapSettingsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("02:00:00")]
    public void A_recompute_interval_out_of_range_stops_start_up_naming_its_key(string value)
    {
        using var app = new AppWithSettings(new Dictionary<string, string?> { ["OpinionMap:RecomputeInterval"] = value });

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("OpinionMap:RecomputeInterval", error.ToString());
    }
}

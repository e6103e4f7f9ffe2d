using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>Comments received on paper, recorded by a moderator: the provenance travels with the item everywhere.</summary>
public class OnBehalfApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private const string Described = "Góp ý bằng văn bản của Sở Tư pháp tỉnh (văn bản số 125/STP-VB), nhận ngày 27/11/2026";

    private static object Letter(string? anchor, object? provenance = null) => new
    {
        sectionAnchor = anchor, stance = "amend", proposedText = "Bổ sung lộ trình.", rationale = "Cần nêu rõ nguồn lực thực hiện.",
        provenance = provenance ?? new { kind = "paper-letter", sender = "Sở Tư pháp tỉnh", documentReference = "125/STP-VB", receivedOn = "2026-11-27" },
    };

    [Fact]
    public async Task A_recorded_letter_shows_its_provenance_in_the_public_list_the_history_and_the_csv_report()
    {
        var (id, sections) = await app.Consultation();
        var recorded = await (await app.As("moderator")).PostAsJsonAsync($"/api/consultations/{id}/feedback/on-behalf", Letter(sections[0].Anchor));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var itemId = (await recorded.Content.ReadFromJsonAsync<Created>())!.Id;

        var listed = (await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/feedback"))
            .EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == itemId);
        Assert.Equal("Sở Tư pháp tỉnh", listed.GetProperty("authorName").GetString());
        var provenance = listed.GetProperty("provenance");
        Assert.Equal(("paper-letter", "Sở Tư pháp tỉnh", "125/STP-VB", "2026-11-27", Described),
            (provenance.GetProperty("kind").GetString(), provenance.GetProperty("sender").GetString(), provenance.GetProperty("documentReference").GetString(),
                provenance.GetProperty("receivedOn").GetString(), provenance.GetProperty("description").GetString()));

        var official = await app.As("official");
        var history = await official.GetFromJsonAsync<JsonElement>($"/api/feedback/{itemId}/history");
        var entry = history.EnumerateArray().Single(e => e.GetProperty("event").GetString() == "recorded-on-behalf");
        Assert.Equal("moderator", entry.GetProperty("data").GetProperty("recordedBy").GetString());

        var csv = await (await official.GetAsync($"/api/consultations/{id}/report.csv")).Content.ReadAsStringAsync();
        Assert.Contains(Described, csv);
    }

    [Fact]
    public async Task Bad_provenance_is_refused_naming_the_fields_and_only_moderators_record()
    {
        var (id, sections) = await app.Consultation();
        var path = $"/api/consultations/{id}/feedback/on-behalf";
        var bad = await (await app.As("moderator")).PostAsJsonAsync(path, Letter(sections[0].Anchor, new { kind = "fax", sender = "", receivedOn = "27/11/2026" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["provenance.kind", "provenance.receivedOn", "provenance.sender"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).PostAsJsonAsync(path, Letter(null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("official")).PostAsJsonAsync(path, Letter(null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("moderator")).PostAsJsonAsync($"/api/consultations/{Guid.NewGuid()}/feedback/on-behalf", Letter(null))).StatusCode);
    }
}

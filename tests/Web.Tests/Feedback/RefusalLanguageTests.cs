using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>
/// The domain's refusals reach the caller in the language the site speaks to them: Vietnamese by default, English
/// when they chose it. Submissions are decided on a loop shared by every submitter, so this also checks the
/// language travels with each one.
/// </summary>
public class RefusalLanguageTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static async Task<JsonElement> Problem(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Bad_input_is_named_in_English_for_an_English_reader_and_in_Vietnamese_otherwise()
    {
        var (id, _) = await app.Consultation();
        var expert = await app.As("expert1");

        var english = await expert.PostAsJsonAsync($"/api/consultations/{id}/feedback?culture=en", FeedbackFixture.Feedback("no-such-section"));
        var vietnamese = await expert.PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback("no-such-section"));

        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Equal("The draft has no section \"no-such-section\".",
            (await Problem(english)).GetProperty("errors").GetProperty("sectionAnchor")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, vietnamese.StatusCode);
        Assert.Equal("Dự thảo không có mục \"no-such-section\".",
            (await Problem(vietnamese)).GetProperty("errors").GetProperty("sectionAnchor")[0].GetString());
    }

    [Fact]
    public async Task A_refusal_detail_is_in_English_for_an_English_reader()
    {
        var (id, sections) = await app.Consultation();
        var item = await app.Submitted(id, sections[0].Anchor);
        var other = await app.As("expert2");

        var response = await other.DeleteAsync($"/api/feedback/{item}?culture=en");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Only the author can withdraw this feedback.", (await Problem(response)).GetProperty("detail").GetString());
    }
}

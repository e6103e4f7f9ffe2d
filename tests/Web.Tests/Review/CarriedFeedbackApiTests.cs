using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Consultations;

namespace Nq45Consult.Web.Tests.Review;

public class CarriedFeedbackApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task Feedback_on_an_earlier_version_is_marked_changed_unchanged_or_removed()
    {
        var (id, sections) = await app.Consultation();
        var expert = await app.As("expert1");
        var byAnchor = new Dictionary<string, Guid>();
        foreach (var anchor in new[] { "I-1", "I-2", "II-1" })
        {
            Assert.Contains(sections, s => s.Anchor == anchor);
            var response = await expert.PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(anchor, $"Về mục {anchor}."));
            byAnchor[anchor] = (await response.Content.ReadFromJsonAsync<Created>())!.Id;
        }
        // Version 2 rewords I-1, keeps I-2 and drops part II's only item.
        var revised = FeedbackFixture.Markdown
            .Replace("Phát triển hạ tầng số 🇻🇳 đồng bộ, hiện đại.", "Phát triển hạ tầng số đồng bộ, hiện đại, an toàn.")
            .Replace("1. Hoàn thiện thể chế.", "");
        var commands = new ConsultationSteps(app.Services.GetRequiredService<IDocumentStore>(), TimeProvider.System, new ConsultationOptions());
        Assert.True((await commands.PublishVersion(id, revised, "Sửa theo góp ý", "moderator")).Decision!.Accepted);

        var carried = await (await app.As("official")).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/carried");
        string Fate(string anchor) => carried.EnumerateArray().Single(c => c.GetProperty("feedbackId").GetGuid() == byAnchor[anchor]).GetProperty("section").GetString()!;
        Assert.Equal("changed", Fate("I-1"));
        Assert.Equal("unchanged", Fate("I-2"));
        Assert.Equal("removed", Fate("II-1"));
        var page = await (await app.As("official")).GetStringAsync($"/review/{id}");
        Assert.Contains("Góp ý trên phiên bản 1; ở phiên bản hiện tại mục này đã bị bỏ.", page);
        Assert.Contains("Góp ý trên phiên bản 1; ở phiên bản hiện tại mục này đã được sửa.", page);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/consultations/{id}/carried")).StatusCode);
    }
}

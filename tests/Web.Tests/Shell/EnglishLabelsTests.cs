using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Tests.Consultations;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Shell;

/// <summary>
/// Labels built in C# rather than in a view (a consultation's status, type, audience and dates, a section's change,
/// the note on a general remark written on an earlier version, ProblemDetails answers) in the language asked for.
/// </summary>
public class EnglishLabelsTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task The_consultation_pages_labels_built_in_code_follow_the_language()
    {
        var (id, _) = await app.Consultation();
        var anonymous = await app.As(null);
        var slug = await Slug(id);

        var vietnamese = await anonymous.GetStringAsync($"/consultations/{slug}");
        Assert.Contains("<dd>Đang lấy ý kiến đến ", vietnamese);
        Assert.Contains("<dd>Kế hoạch</dd>", vietnamese);
        Assert.Contains("<dd>Mọi chuyên gia</dd>", vietnamese);

        var english = await anonymous.GetStringAsync($"/consultations/{slug}?culture=en");
        Assert.Contains("<dd>Open for comments until ", english);
        Assert.Contains("<dd>Plan</dd>", english);
        Assert.Contains("<dd>All experts</dd>", english);
        Assert.DoesNotContain(" ngày ", english);
    }

    [Fact]
    public async Task A_general_remark_on_an_earlier_version_is_marked_with_the_drafts_changes_in_both_languages()
    {
        var (id, _) = await app.Consultation();
        await app.Submitted(id, null, rationale: "Về toàn bộ dự thảo.");
        var commands = new ConsultationSteps(app.Services.GetRequiredService<IDocumentStore>(), TimeProvider.System, new ConsultationOptions());
        var revised = FeedbackFixture.Markdown.Replace("1. Hoàn thiện thể chế.", "1. Hoàn thiện thể chế, chính sách.");
        Assert.True((await commands.PublishVersion(id, revised, "Sửa theo góp ý", "moderator")).Decision!.Accepted);
        var slug = await Slug(id);
        var anonymous = await app.As(null);

        var vietnamese = await anonymous.GetStringAsync($"/consultations/{slug}");
        Assert.Contains("Góp ý trên phiên bản 1. Ở phiên bản 2, dự thảo đã được sửa:", vietnamese);
        Assert.Contains($"href=\"/consultations/{slug}/versions/1/diff/2\"", vietnamese);
        var english = await anonymous.GetStringAsync($"/consultations/{slug}?culture=en");
        Assert.Contains("On an earlier version (version 1). In version 2 the draft was revised:", english);
        // Shown as it was, version 1 lists the remark without the note.
        Assert.DoesNotContain("Góp ý trên phiên bản 1.", await anonymous.GetStringAsync($"/consultations/{slug}?version=1"));
        // Its author sees the same note on "Góp ý của tôi".
        var author = await app.As("expert1");
        var mine = await author.GetStringAsync("/me/feedback");
        Assert.Contains("Góp ý trên phiên bản 1. Ở phiên bản 2, dự thảo đã được sửa:", mine);
        Assert.Contains($"href=\"/consultations/{slug}/versions/1/diff/2\"", mine);
        Assert.Contains("On an earlier version (version 1). In version 2 the draft was revised:", await author.GetStringAsync("/me/feedback?culture=en"));

        Assert.Contains("(Sửa đổi)", await anonymous.GetStringAsync($"/consultations/{slug}/versions/1/diff/2"));
        var diff = await anonymous.GetStringAsync($"/consultations/{slug}/versions/1/diff/2?culture=en");
        Assert.Contains("(Changed)", diff);
        Assert.DoesNotContain("Sửa đổi", diff);
    }

    [Fact]
    public async Task Problems_built_in_the_web_layer_answer_in_the_language_asked_for()
    {
        var anonymous = await app.As(null);
        var unknown = $"/api/consultations/{Guid.NewGuid()}/feedback";
        Assert.Equal("Không tìm thấy đợt lấy ý kiến", await Title(await anonymous.GetAsync(unknown), HttpStatusCode.NotFound));
        Assert.Equal("Consultation not found", await Title(await anonymous.GetAsync(unknown + "?culture=en"), HttpStatusCode.NotFound));

        var (id, _) = await app.Consultation();
        var bad = await anonymous.GetAsync($"/api/consultations/{id}/feedback?stance=maybe&culture=en");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var stance = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("stance")[0].GetString();
        Assert.StartsWith("Stance must be one of: agree", stance);
    }

    private async Task<string> Slug(Guid id) =>
        (await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}")).GetProperty("slug").GetString()!;

    private static async Task<string?> Title(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Tests.Consultations;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Review;

/// <summary>
/// Feedback on an earlier version as the public and the author see it once a new version is published: re-anchored,
/// with the section's fate, the quote relocated, and the official's "addressed in version" marking.
/// </summary>
public class VersionsFeedbackTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private sealed record Revised(Guid Id, string Slug, Guid Changed, Guid Unchanged, Guid Removed);

    /// <summary>
    /// Three items on version 1, each quoting its section; version 2 rewords I-1 (its quote is gone, but II-1's words
    /// now end it), keeps I-2 and drops II-1.
    /// </summary>
    private async Task<Revised> Consultation()
    {
        var (id, _) = await app.Consultation();
        var expert = await app.As("expert1");
        async Task<Guid> Post(string anchor, string quote)
        {
            var response = await expert.PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(anchor, $"Về mục {anchor}.", quote: quote));
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
        }
        var changed = await Post("I-1", "🇻🇳 đồng bộ");
        var unchanged = await Post("I-2", "năng lực nghiên cứu");
        var removed = await Post("II-1", "thể chế");
        var revised = FeedbackFixture.Markdown
            .Replace("Phát triển hạ tầng số 🇻🇳 đồng bộ, hiện đại.", "Phát triển hạ tầng số đồng bộ, hiện đại; hoàn thiện thể chế.")
            .Replace("1. Hoàn thiện thể chế.", "");
        var commands = new ConsultationSteps(app.Services.GetRequiredService<IDocumentStore>(), TimeProvider.System, new ConsultationOptions());
        Assert.True((await commands.PublishVersion(id, revised, "Sửa theo góp ý", "moderator")).Decision!.Accepted);
        var slug = (await expert.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}")).GetProperty("slug").GetString()!;
        return new Revised(id, slug, changed, unchanged, removed);
    }

    [Fact]
    public async Task The_carried_items_quotes_are_found_in_their_section_elsewhere_or_not_at_all()
    {
        var revised = await Consultation();
        var carried = await (await app.As("official")).GetFromJsonAsync<JsonElement>($"/api/consultations/{revised.Id}/carried");
        JsonElement Quote(Guid id) => carried.EnumerateArray().Single(c => c.GetProperty("feedbackId").GetGuid() == id).GetProperty("quote");

        Assert.False(Quote(revised.Changed).GetProperty("found").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Quote(revised.Changed).GetProperty("anchor").ValueKind);
        var kept = Quote(revised.Unchanged);
        Assert.Equal(("I-2", 9, 28), (kept.GetProperty("anchor").GetString(), kept.GetProperty("start").GetInt32(), kept.GetProperty("end").GetInt32()));
        Assert.Equal("I-1", Quote(revised.Removed).GetProperty("anchor").GetString());
    }

    [Fact]
    public async Task The_public_page_lists_earlier_items_under_their_section_now_with_what_changed_in_both_languages()
    {
        var revised = await Consultation();
        var anonymous = await app.As(null);
        var page = await anonymous.GetStringAsync($"/consultations/{revised.Slug}");

        Assert.Equal(3, Occurrences(page, "Góp ý trên phiên bản 1."));
        Assert.Contains("Ở phiên bản 2, mục này đã được sửa:", page);
        Assert.Contains($"href=\"/consultations/{revised.Slug}/versions/1/diff/2#diff-I-1\"", page);
        Assert.Contains("Ở phiên bản 2, mục này không thay đổi.", page);
        Assert.Contains("Ở phiên bản 2, mục này đã bị bỏ.", page);
        Assert.Contains("Những chữ được trích không còn trong văn bản.", page);
        Assert.Contains("Đoạn được trích nay ở mục I-1.", page);
        // The removed section's item joins the general remarks, above the first section; the others stay in theirs.
        Assert.True(page.IndexOf($"id=\"item-{revised.Removed}\"", StringComparison.Ordinal) < page.IndexOf("id=\"I-1\"", StringComparison.Ordinal));
        Assert.True(page.IndexOf($"id=\"item-{revised.Changed}\"", StringComparison.Ordinal) > page.IndexOf("id=\"I-1\"", StringComparison.Ordinal));

        var english = await anonymous.GetStringAsync($"/consultations/{revised.Slug}?culture=en");
        Assert.Equal(3, Occurrences(english, "On an earlier version (version 1)."));
        Assert.Contains("In version 2 this section was changed:", english);
        Assert.Contains("The quoted words are no longer in the text.", english);
        Assert.Contains("The quoted words are now in section I-1.", english);

        Assert.Contains("id=\"diff-I-1\"", await anonymous.GetStringAsync($"/consultations/{revised.Slug}/versions/1/diff/2"));
        // An earlier version shown as it was lists its items where they were written, without the notes.
        Assert.DoesNotContain("Góp ý trên phiên bản 1.", await anonymous.GetStringAsync($"/consultations/{revised.Slug}?version=1"));
    }

    [Fact]
    public async Task An_item_marked_addressed_shows_it_to_its_author_the_public_and_in_the_report()
    {
        var revised = await Consultation();
        var official = await app.As("official");
        var path = $"/api/feedback/{revised.Changed}/addressed";

        var marked = await official.PostAsJsonAsync(path, new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(2, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("addressedInVersion").GetInt32());
        var wrong = await official.PostAsJsonAsync(path, new { version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).PostAsJsonAsync(path, new { version = 2 })).StatusCode);

        var items = await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{revised.Id}/feedback");
        JsonElement Item(Guid id) => items.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(2, Item(revised.Changed).GetProperty("addressedInVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, Item(revised.Unchanged).GetProperty("addressedInVersion").ValueKind);

        const string Addressed = "Cơ quan soạn thảo đã đánh dấu góp ý này được tiếp thu trong phiên bản 2.";
        var mine = await (await app.As("expert1")).GetStringAsync("/me/feedback");
        Assert.Contains(Addressed, mine);
        Assert.Contains("Ở phiên bản 2, mục này đã bị bỏ.", mine);
        Assert.Contains("The drafting agency marked this feedback as addressed in version 2.",
            await (await app.As("expert1")).GetStringAsync("/me/feedback?culture=en"));
        Assert.Contains(Addressed, await (await app.As(null)).GetStringAsync($"/consultations/{revised.Slug}"));

        var csv = Encoding.UTF8.GetString(await official.GetByteArrayAsync($"/api/consultations/{revised.Id}/report.csv")).Split("\r\n");
        Assert.EndsWith(",Tiếp thu ở phiên bản", csv[0]);
        Assert.Single(csv, line => line.Contains("Về mục I-1.", StringComparison.Ordinal) && line.EndsWith(",2", StringComparison.Ordinal));
        Assert.Single(csv, line => line.Contains("Về mục I-2.", StringComparison.Ordinal) && line.EndsWith(',' ));
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}

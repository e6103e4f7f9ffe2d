using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Tests.Consultations;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Review;

/// <summary>
/// The consultation, review and registry statistics pages in English, chosen with the header's switch, in Chromium
/// with axe: labels built in code and the charts' series read English, and an official marks an item addressed in a
/// later version through the review page.
/// </summary>
public partial class EnglishPagesBrowserTests(KestrelReviewApp app) : IClassFixture<KestrelReviewApp>
{
    [Fact]
    public async Task An_official_reads_the_consultation_and_review_pages_in_english_and_marks_an_item_addressed()
    {
        var (id, sections) = await app.Consultation();
        var item = await app.Submitted(id, sections[^1].Anchor);
        var general = await app.Submitted(id, null, "expert2", "Về toàn bộ dự thảo.");
        var commands = new ConsultationSteps(app.Services.GetRequiredService<IDocumentStore>(), TimeProvider.System, new ConsultationOptions());
        var revised = FeedbackFixture.Markdown.Replace("1. Hoàn thiện thể chế.", "1. Hoàn thiện thể chế, chính sách.");
        Assert.True((await commands.PublishVersion(id, revised, "Sửa theo góp ý", "moderator")).Decision!.Accepted);
        var slug = (await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}")).GetProperty("slug").GetString()!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(page, new Uri(app.BaseAddress), "official", $"/consultations/{slug}");
        await English(page);

        var status = (await page.Locator("dd", new() { HasTextRegex = new Regex("^Open for comments until ") }).InnerTextAsync()).Trim();
        Assert.DoesNotMatch(Vietnamese(), status);
        Assert.Equal(1, await page.Locator("dd", new() { HasTextString = "All experts" }).CountAsync());
        Assert.Equal(1, await page.Locator("dd", new() { HasTextRegex = new Regex("^Plan$") }).CountAsync());
        // The general remarks are folded away (a closed <details>), so their note is read as text, not as rendered.
        var note = Spaces().Replace(await page.Locator($"#item-{general} p.carried").TextContentAsync() ?? "", " ").Trim();
        Assert.StartsWith("On an earlier version (version 1). In version 2 the draft was revised:", note);
        Assert.DoesNotMatch(Vietnamese(), note);
        await Browser.AssertAccessible(page);

        await page.GotoAsync($"{app.BaseAddress}/review/{id}");
        var form = page.Locator($"#item-{item} form.mark-addressed");
        Assert.Equal("Addressed in version", (await form.Locator("label").InnerTextAsync()).Trim());
        Assert.Equal(["Version 2"], await form.Locator("option").AllInnerTextsAsync());
        // The author's name is theirs; what follows it (status, date) is built in code.
        var meta = await page.Locator($"#item-{item} p.meta").First.InnerTextAsync();
        Assert.Contains(" · Published · ", meta);
        Assert.DoesNotMatch(Vietnamese(), meta[meta.IndexOf(" · ", StringComparison.Ordinal)..]);
        await Browser.AssertAccessible(page);
        await form.Locator("button", new() { HasTextString = "Mark as addressed" }).ClickAsync();
        await page.Locator("p[role=status]", new() { HasTextString = "Marked as addressed in version 2." }).WaitForAsync();
        Assert.Equal("The drafting agency marked this feedback as addressed in version 2.",
            (await page.Locator($"#item-{item} p.addressed").InnerTextAsync()).Trim());
        var items = await (await app.As("official")).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/feedback");
        Assert.Equal(2, items.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == item).GetProperty("addressedInVersion").GetInt32());
        await Browser.AssertAccessible(page);
    }

    [Fact]
    public async Task A_moderator_reads_the_registry_statistics_in_english_charts_included()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(page, new Uri(app.BaseAddress), "moderator", "/experts/stats");
        await English(page);

        Assert.Equal("Experts", await page.Locator("#chart-province").GetAttributeAsync("data-series-label"));
        Assert.Equal("Experts", await page.EvaluateAsync<string>("() => Chart.getChart(document.getElementById('chart-province')).data.datasets[0].label"));
        Assert.Equal(["in the province", "outside the province"],
            await page.EvaluateAsync<string[]>("() => Chart.getChart(document.getElementById('chart-province')).data.labels"));
        Assert.Contains("no association", await page.EvaluateAsync<string[]>("() => Chart.getChart(document.getElementById('chart-association')).data.labels"));
        var target = page.Locator("tr[data-target=university-graduates]");
        Assert.Equal("People with a university degree or higher", (await target.Locator("th").InnerTextAsync()).Trim());
        Assert.Equal("90,000 people", (await target.Locator("td").First.InnerTextAsync()).Trim());
        foreach (var heading in await page.Locator("tr[data-target] th, #chart-province + figcaption th[scope=row]").AllInnerTextsAsync())
            Assert.DoesNotMatch(Vietnamese(), heading);
        await Browser.AssertAccessible(page);
    }

    /// <summary>Switches the page to English with the header's switch, as a person would; the choice is kept in a cookie.</summary>
    private static async Task English(IPage page)
    {
        await page.Locator("form.language-switch button").ClickAsync();
        await page.Locator("html[lang=en]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>Submitting feedback with a quote in Debian's Chromium, on a phone-sized screen, axe-core on each page.</summary>
public class FeedbackBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    private const string Seed = "/consultations/ke-hoach-45-nq-tw";

    [Fact]
    public async Task An_expert_quotes_a_passage_of_a_section_and_finds_the_feedback_in_my_feedback()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(page, app.Root, "expert1", Seed);
        await Browser.AssertAccessible(page);

        using var http = new HttpClient { BaseAddress = app.Root };
        var consultation = await http.GetFromJsonAsync<JsonElement>("/api/consultations/ke-hoach-45-nq-tw");
        var section = consultation.GetProperty("sections").EnumerateArray().First(s => s.GetProperty("text").GetString()!.Length > 80);
        var passage = section.GetProperty("text").GetString()!.Substring(10, 30);
        await page.Locator($"[id='{section.GetProperty("anchor").GetString()}'] > p > a", new() { HasText = "Góp ý mục này" }).ClickAsync();
        await Browser.Arrived(page, "**/feedback/write/**");
        await Browser.AssertAccessible(page);
        // Select the passage as a reader would (a range over the section's text), then let selectionchange fill the quote.
        await page.EvaluateAsync("""
            passage => {
              const node = document.getElementById("section-text").firstChild;
              const start = node.textContent.indexOf(passage);
              const range = document.createRange();
              range.setStart(node, start);
              range.setEnd(node, start + passage.length);
              const selection = document.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
            }
            """, passage);
        await Assertions.Expect(page.Locator("#quote-text")).ToHaveValueAsync(passage);

        await page.GetByLabel("Đề nghị bổ sung").CheckAsync();
        await page.FillAsync("#Rationale", "Cần bổ sung chỉ tiêu đo lường cụ thể cho từng năm.");
        await page.ClickAsync("#feedback-form button[type=submit]");
        await Browser.Arrived(page, "**/me/feedback**");
        await Browser.AssertAccessible(page);
        var mine = page.Locator("main");
        await Assertions.Expect(mine).ToContainTextAsync("Cần bổ sung chỉ tiêu đo lường cụ thể cho từng năm.");
        await Assertions.Expect(mine).ToContainTextAsync(passage);
    }
}

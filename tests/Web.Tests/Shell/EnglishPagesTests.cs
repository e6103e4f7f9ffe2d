namespace Nq45Consult.Web.Tests.Shell;

/// <summary>
/// Every page of <see cref="PageQualityTests"/>, as the same user, opened in English: the interface a reader finds their
/// way by (title, headings, labels, legends, buttons, table headings, navigation, summaries, the options of a
/// select that is not data, placeholders, accessible names, status lines) holds no Vietnamese letter. What people
/// wrote or the registry holds (a draft, feedback, names, a consultation's title, the fields of activity) is
/// Vietnamese by nature: the views mark it <c>lang="vi"</c>, which tells a screen reader how to pronounce it and
/// tells this test to pass over it.
/// </summary>
/// <remarks>
/// Read in the browser once scripts have drawn the page, so texts that scripts write are read too. The title and an
/// attribute cannot carry <c>lang</c> for part of their text, so the texts of the page's <c>lang="vi"</c> elements
/// are taken out of them first (a page title names the consultation shown in its heading).
/// </remarks>
public class EnglishPagesTests(PagesApp app) : IClassFixture<PagesApp>
{
    public static TheoryData<string, string?> Pages()
    {
        var pages = new TheoryData<string, string?>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in PageQualityTests.Pages)
        {
            var (address, user) = ((string)row[0], (string?)row[1]);
            if (!address.Contains("culture=en", StringComparison.Ordinal)) address += (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=en";
            if (seen.Add(address + " " + user)) pages.Add(address, user);
        }
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_english_page_shows_no_vietnamese_outside_its_content(string address, string? user)
    {
        var path = app.PathOf(address);
        var page = await app.PageOf(user);
        try
        {
            var response = await page.GotoAsync(app.BaseAddress + path);
            Assert.Equal(path.StartsWith("/account/denied", StringComparison.Ordinal) ? 403 : 200, response!.Status);
            await PageQualityTests.Ready(page);

            var found = await page.EvaluateAsync<string[]>(VietnameseInTheInterface);

            Assert.True(found.Length == 0, $"{path} as {user ?? "anonymous"}:\n" + string.Join("\n", found));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task The_reading_finds_vietnamese_in_the_interface_and_passes_over_marked_content()
    {
        var page = await app.PageOf(null);
        try
        {
            await page.SetContentAsync("""
                <html lang="en"><head><title>Tiêu đề · Site</title></head><body>
                <h1 lang="vi">Tiêu đề</h1><h2>Góp ý</h2><label>Name <span lang="vi">Nguyễn</span></label>
                <select><option>Tất cả</option></select><select lang="vi"><option>y tế</option></select>
                <input aria-label="Tìm" placeholder="Search"><p>Đoạn văn</p></body></html>
                """);

            var found = await page.EvaluateAsync<string[]>(VietnameseInTheInterface);

            Assert.Equal(["h2: Góp ý", "option: Tất cả", "aria-label: Tìm"], found);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Each piece of the interface, outside <c>[lang=vi]</c>, whose text holds a Vietnamese letter.</summary>
    private const string VietnameseInTheInterface = """
        () => {
          const vietnamese = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
          const content = [...document.querySelectorAll('[lang=vi]')].map(e => e.textContent.trim())
            .filter(t => t.length > 0).sort((a, b) => b.length - a.length);
          const withoutContent = text => content.reduce((rest, c) => rest.split(c).join(' '), text);
          const ownText = element => {
            let text = '';
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode())
              if (!node.parentElement.closest('[lang=vi]')) text += node.data;
            return text;
          };
          const found = [];
          const check = (where, text) => {
            if (vietnamese.test(text)) found.push(where + ': ' + text.replace(/\s+/g, ' ').trim().slice(0, 160));
          };
          check('title', withoutContent(document.title));
          for (const e of document.querySelectorAll('h1, h2, h3, label, legend, button, th, nav, summary, option, [role=status]'))
            if (!e.closest('[lang=vi]')) check(e.tagName.toLowerCase(), ownText(e));
          for (const e of document.querySelectorAll('[placeholder], [aria-label]'))
            if (!e.closest('[lang=vi]'))
              for (const attribute of ['placeholder', 'aria-label'])
                if (e.hasAttribute(attribute)) check(attribute, withoutContent(e.getAttribute(attribute)));
          return found;
        }
        """;
}

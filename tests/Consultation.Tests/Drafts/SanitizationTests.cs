using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

public class SanitizationTests
{
    private static string HtmlOf(string body) => DraftParser.Parse("## I- PHẦN\n\n" + body).Sections.Single().Html;

    [Fact]
    public void Raw_script_is_shown_as_text_not_run()
    {
        var html = HtmlOf("Xem <script>alert(1)</script> đây.");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Raw_img_with_onerror_never_becomes_an_element()
    {
        var html = HtmlOf("<img src=x onerror=alert(1)>\n\nẢnh.");

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")]
    public void Dangerous_link_schemes_are_dropped(string markdown)
    {
        var html = HtmlOf(markdown);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ordinary_links_emphasis_and_tables_survive()
    {
        var html = HtmlOf("Xem [Nghị quyết](https://example.vn/nq45) *mới*.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n");

        Assert.Contains("<a href=\"https://example.vn/nq45\">Nghị quyết</a>", html);
        Assert.Contains("<em>mới</em>", html);
        Assert.Contains("<table>", html);
    }

    [Fact]
    public void A_column_alignment_is_a_class_never_a_style_attribute()
    {
        var html = HtmlOf("| Chỉ tiêu | Năm 2030 |\n|:---:|---:|\n| GDP | 7% |\n");

        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<th class=\"align-center\">Chỉ tiêu</th>", html);
        Assert.Contains("<td class=\"align-right\">7%</td>", html);
    }

    [Theory]
    [InlineData("![Sơ đồ tổ chức](https://tracker.example.org/pixel.png)")]
    [InlineData("![Sơ đồ tổ chức](//tracker.example.org/pixel.png)")]
    [InlineData("![Sơ đồ tổ chức](/api/me)")]
    public void An_image_is_shown_as_its_description_and_loads_nothing(string markdown)
    {
        var html = HtmlOf(markdown);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker", html);
        Assert.Contains("Sơ đồ tổ chức", html);
    }
}

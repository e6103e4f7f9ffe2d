using System.Net;
using System.Net.Http.Json;

namespace Nq45Consult.Web.Tests.Consultations;

public class ConsultationPageTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    [Fact]
    public async Task The_draft_page_has_a_nested_table_of_contents_and_anchored_sections()
    {
        var html = await app.Anonymous().GetStringAsync("/consultations/ke-hoach-45-nq-tw");
        Assert.Contains("<nav class=\"toc\"", html);
        Assert.Contains("href=\"#I\"", html);
        Assert.Contains("id=\"I\"", html);
        Assert.Contains("class=\"feedback-count\" data-anchor=\"I\"", html);
        Assert.Contains("Đang lấy ý kiến", html);
    }

    [Fact]
    public async Task The_list_filters_by_field_and_title()
    {
        var page = await app.Anonymous().GetStringAsync("/consultations?q=Nghị%20quyết");
        Assert.Contains("/consultations/ke-hoach-45-nq-tw", page);
        Assert.DoesNotContain("/consultations/ke-hoach-45-nq-tw", await app.Anonymous().GetStringAsync("/consultations?q=zzzz"));
        Assert.DoesNotContain("/consultations/ke-hoach-45-nq-tw", await app.Anonymous().GetStringAsync("/consultations?field=khác"));
    }

    [Fact]
    public async Task Scripts_in_a_draft_render_as_text_and_the_redline_shows_changes()
    {
        var id = await app.NewConsultation("Trang an toàn", open: true);
        var markdown = Samples.Legal + "\n\n### Điều 3. Thử\n\n<script>alert('x')</script> [liên kết](javascript:alert(1))\n";
        (await app.Moderator().PostAsJsonAsync($"/api/consultations/{id}/versions", new { markdown, changeNote = "Thêm Điều 3" })).EnsureSuccessStatusCode();

        var page = await app.Anonymous().GetStringAsync("/consultations/trang-an-toan");
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("javascript:alert", page);

        var diff = await app.Anonymous().GetAsync("/consultations/trang-an-toan/versions/1/diff/2");
        Assert.Equal(HttpStatusCode.OK, diff.StatusCode);
        Assert.Contains("Thêm mới", await diff.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_draft_consultation_page_is_hidden_from_the_public() =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/consultations/{await app.NewConsultation("Ẩn")}")).StatusCode);
}

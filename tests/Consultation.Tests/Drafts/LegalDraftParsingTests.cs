using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

public class LegalDraftParsingTests
{
    private readonly IReadOnlyList<DraftSection> _sections = DraftContent.Sections("quy-dinh-tu-van-phan-bien.md");

    [Fact]
    public void Chapters_are_top_level_with_arabic_anchors()
    {
        var chapters = _sections.Where(s => s.Anchor.StartsWith("chuong-")).ToList();

        Assert.Equal(["chuong-1", "chuong-2", "chuong-3"], chapters.Select(s => s.Anchor));
        Assert.Equal("Chương II", chapters[1].Number);
        Assert.Equal("NỘI DUNG VÀ HÌNH THỨC TƯ VẤN, PHẢN BIỆN", chapters[1].Heading);
        Assert.All(chapters, c => Assert.Null(c.ParentAnchor));
    }

    [Fact]
    public void Articles_are_numbered_across_the_document_under_their_chapter()
    {
        var articles = _sections.Where(s => s.Number.StartsWith("Điều ")).ToList();

        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"dieu-{n}"), articles.Select(s => s.Anchor));
        var article5 = _sections.Section("dieu-5");
        Assert.Equal("Hình thức tư vấn, phản biện", article5.Heading);
        Assert.Equal("chuong-2", article5.ParentAnchor);
    }

    [Fact]
    public void Clauses_and_points_nest_under_the_article()
    {
        var clause = _sections.Section("dieu-5-khoan-2");
        var point = _sections.Section("dieu-5-khoan-2-diem-a");

        Assert.Equal("dieu-5", clause.ParentAnchor);
        Assert.Equal("2", clause.Number);
        Assert.StartsWith("Việc lấy ý kiến trên nền tảng trực tuyến", clause.Text);
        Assert.Equal("dieu-5-khoan-2", point.ParentAnchor);
        Assert.Equal("a", point.Number);
        Assert.StartsWith("Dự thảo được công bố theo từng chương", point.Text);
        Assert.Equal(4, point.Level);
    }

    [Fact]
    public void Article_without_clauses_keeps_its_text()
    {
        Assert.StartsWith("Quy định này có hiệu lực kể từ ngày ký.", _sections.Section("dieu-8").Text);
    }

    [Fact]
    public void Paragraph_clauses_and_points_written_without_lists_nest_the_same_way()
    {
        var markdown = "## Chương I\n\n**Điều 5. Hình thức**\n\n1\\. Khoản một.\n\n2\\. Khoản hai:\n\na) Điểm a;\n\nđ) Điểm đ.\n\nĐiều 6. Hiệu lực\n\nCó hiệu lực.\n";

        var sections = DraftParser.Parse(markdown).Sections;

        Assert.Equal(
            ["chuong-1", "dieu-5", "dieu-5-khoan-1", "dieu-5-khoan-2", "dieu-5-khoan-2-diem-a", "dieu-5-khoan-2-diem-dd", "dieu-6"],
            sections.Select(s => s.Anchor));
        Assert.Equal("Điểm a;", sections[4].Text);
        Assert.Equal("Có hiệu lực.", sections[6].Text);
    }

    [Fact]
    public void Legal_sections_sit_between_chapter_and_article()
    {
        var sections = DraftParser.Parse("## Chương II. TỔ CHỨC\n\n### Mục 1. HỘI ĐỒNG\n\n#### Điều 9. Thành phần\n\nGồm chủ tịch.\n").Sections;

        Assert.Equal(["chuong-2", "chuong-2-muc-1", "dieu-9"], sections.Select(s => s.Anchor));
        Assert.Equal("chuong-2-muc-1", sections[2].ParentAnchor);
        Assert.Equal("Mục 1", sections[1].Number);
    }
}

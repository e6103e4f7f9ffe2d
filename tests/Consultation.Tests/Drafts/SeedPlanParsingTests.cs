using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

public class SeedPlanParsingTests
{
    private readonly IReadOnlyList<DraftSection> _sections = DraftContent.Sections("ke-hoach-45-nq-tw.md");

    [Theory]
    [InlineData("I", "MỤC ĐÍCH, YÊU CẦU")]
    [InlineData("II", "MỤC TIÊU ĐẾN NĂM 2030 VÀ TẦM NHÌN ĐẾN NĂM 2045")]
    [InlineData("III", "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")]
    [InlineData("IV", "NHIỆM VỤ CỤ THỂ")]
    [InlineData("V", "TỔ CHỨC THỰC HIỆN")]
    public void Parts_are_top_level_sections_with_their_headings(string part, string heading)
    {
        var section = _sections.Section(part);

        Assert.Equal(part, section.Number);
        Assert.Equal(heading, section.Heading);
        Assert.Null(section.ParentAnchor);
        Assert.Equal(1, section.Level);
    }

    [Fact]
    public void Numbered_items_of_part_III_are_its_children_in_order()
    {
        var items = _sections.Where(s => s.ParentAnchor == "III").ToList();

        Assert.Equal(["III-1", "III-2", "III-3", "III-4", "III-5"], items.Select(s => s.Anchor));
        Assert.Equal("Tăng cường quản lý nhà nước, hoàn thiện hệ thống cơ chế, chính sách đối với đội ngũ trí thức", items[2].Heading);
        Assert.All(items, item => Assert.Equal(2, item.Level));
    }

    [Fact]
    public void Bullets_are_sections_under_their_item()
    {
        var bullets = _sections.Where(s => s.ParentAnchor == "III-3").ToList();

        Assert.Equal(["III-3-b1", "III-3-b2", "III-3-b3", "III-3-b4", "III-3-b5"], bullets.Select(s => s.Anchor));
        Assert.StartsWith("Xây dựng cơ sở dữ liệu về đội ngũ trí thức", bullets[2].Text);
        Assert.Equal("", bullets[2].Heading);
        Assert.Equal(3, bullets[2].Level);
    }

    [Fact]
    public void Item_body_paragraphs_belong_to_the_item()
    {
        var purpose = _sections.Section("I-1");

        Assert.Equal("Mục đích", purpose.Heading);
        Assert.StartsWith("Tạo chuyển biến mạnh mẽ", purpose.Text);
        Assert.StartsWith("<p>Tạo chuyển biến mạnh mẽ", purpose.Html);
    }

    [Fact]
    public void Page_break_splits_of_the_seed_are_joined()
    {
        Assert.Contains("một số ngành, lĩnh vực trọng yếu", _sections.Section("II-1-b1").Text);
    }

    [Fact]
    public void Title_preamble_and_closing_are_kept()
    {
        Assert.Equal("KẾ HOẠCH", _sections[0].Heading);
        Assert.Contains("Ban Thường vụ Tỉnh ủy ban hành Kế hoạch", _sections[0].Text);
        Assert.Contains("Lê Thị Thu Hồng", _sections.Section("noi-nhan").Text);
        Assert.Equal("Lưu Văn phòng Tỉnh ủy.", _sections.Section("noi-nhan-b8").Text);
    }

    [Fact]
    public void Order_is_document_order_and_anchors_are_unique()
    {
        Assert.Equal(Enumerable.Range(0, _sections.Count), _sections.Select(s => s.Order));
        Assert.Equal(_sections.Count, _sections.Select(s => s.Anchor).Distinct().Count());
        Assert.All(_sections, s => Assert.Matches("^[A-Za-z0-9-]+$", s.Anchor));
    }
}

using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

/// <summary>The same plan written the ways agencies actually write it parses to the same tree.</summary>
public class PlanShapesTests
{
    private static readonly string[] ExpectedAnchors = ["I", "I-1", "I-2", "I-2-b1", "I-2-b2", "II", "II-1"];

    [Theory]
    [InlineData("## I- MỤC ĐÍCH\n\n### 1. Mục đích\n\nNội dung.\n\n### 2. Yêu cầu\n\n- Một\n- Hai\n\n## II. MỤC TIÊU\n\n### 1. Mục tiêu\n")]
    [InlineData("**I- MỤC ĐÍCH**\n\n**1. Mục đích**\n\nNội dung.\n\n**2. Yêu cầu**\n\n- Một\n- Hai\n\n**II. MỤC TIÊU**\n\n**1. Mục tiêu**\n")]
    [InlineData("I- MỤC ĐÍCH\n\n1. Mục đích\n\nNội dung.\n\n2. Yêu cầu\n\n- Một\n- Hai\n\nII. MỤC TIÊU\n\n1. Mục tiêu\n")]
    public void Headings_bold_lines_and_plain_paragraphs_give_the_same_sections(string markdown)
    {
        var sections = DraftParser.Parse(markdown).Sections;

        Assert.Equal(ExpectedAnchors, sections.Select(s => s.Anchor));
        Assert.Equal("MỤC ĐÍCH", sections[0].Heading);
        Assert.Equal("Nội dung.", sections[1].Text);
        Assert.Equal("I-2", sections[3].ParentAnchor);
        Assert.Equal("Hai", sections[4].Text);
    }

    [Fact]
    public void Lettered_points_of_a_plan_nest_under_the_item()
    {
        var sections = DraftParser.Parse("## I- NHIỆM VỤ\n\n### 1. Giáo dục\n\na) Đào tạo;\n\nb) Bồi dưỡng.\n").Sections;

        Assert.Equal(["I", "I-1", "I-1-a", "I-1-b"], sections.Select(s => s.Anchor));
        Assert.Equal("b", sections[3].Number);
        Assert.Equal("Bồi dưỡng.", sections[3].Text);
        Assert.Equal("<p>Bồi dưỡng.</p>", sections[3].Html);
    }

    [Fact]
    public void Preamble_paragraphs_get_positional_anchors()
    {
        var sections = DraftParser.Parse("Căn cứ thứ nhất.\n\nCăn cứ thứ hai.\n\n## I- MỤC ĐÍCH\n").Sections;

        Assert.Equal(["p1", "p2", "I"], sections.Select(s => s.Anchor));
        Assert.Equal("Căn cứ thứ hai.", sections[1].Text);
    }

    [Fact]
    public void Duplicate_headings_get_numbered_anchors()
    {
        var sections = DraftParser.Parse("## Ghi chú\n\nMột.\n\n## Ghi chú\n\nHai.\n").Sections;

        Assert.Equal(["ghi-chu", "ghi-chu-2"], sections.Select(s => s.Anchor));
    }
}

using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

public class AnchorStabilityTests
{
    private static readonly string Plan = DraftContent.File("ke-hoach-45-nq-tw.md").Markdown;

    [Fact]
    public void Editing_one_sections_text_keeps_every_anchor()
    {
        var (before, after) = ParseEdited("Xây dựng cơ sở dữ liệu về đội ngũ trí thức", "Sớm xây dựng và công khai cơ sở dữ liệu về đội ngũ trí thức");

        Assert.Equal(before.Select(s => s.Anchor), after.Select(s => s.Anchor));
        Assert.NotEqual(before.Section("III-3-b3").Text, after.Section("III-3-b3").Text);
    }

    [Fact]
    public void Inserting_a_bullet_in_one_part_keeps_the_anchors_of_other_parts()
    {
        var (before, after) = ParseEdited("- Quan tâm đào tạo, bồi dưỡng", "- Bullet mới chèn vào đầu mục.\n\n- Quan tâm đào tạo, bồi dưỡng");

        Assert.Equal(before.Count + 1, after.Count);
        var untouched = before.Where(s => !s.Anchor.StartsWith("III-2-b", StringComparison.Ordinal)).Select(s => (s.Anchor, s.Text));
        Assert.Subset(after.Select(s => (s.Anchor, s.Text)).ToHashSet(), untouched.ToHashSet());
        Assert.Equal("Bullet mới chèn vào đầu mục.", after.Section("III-2-b1").Text);
    }

    [Fact]
    public void Inserting_a_preamble_paragraph_keeps_numbered_anchors()
    {
        var before = DraftParser.Parse("## Chương I\n\n### Điều 1. A\n\n1. Một.\n").Sections;
        var after = DraftParser.Parse("Lời nói đầu.\n\n## Chương I\n\n### Điều 1. A\n\n1. Một.\n").Sections;

        Assert.Equal(before.Select(s => s.Anchor), after.Skip(1).Select(s => s.Anchor));
    }

    /// <summary>The seed plan's sections before and after one textual edit (which must apply).</summary>
    private static (IReadOnlyList<DraftSection> Before, IReadOnlyList<DraftSection> After) ParseEdited(string find, string replacement)
    {
        var edited = Plan.Replace(find, replacement, StringComparison.Ordinal);
        Assert.NotEqual(Plan, edited);
        return (DraftParser.Parse(Plan).Sections, DraftParser.Parse(edited).Sections);
    }
}

using Nq45Consult.Consultation.Drafts.Naming;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

public class SectionNamesTests
{
    private static readonly SectionNameWords English = new("Section {0}", "clause {0}", "point {0}", "point {0}");

    private static string Name(IReadOnlyList<DraftSection> sections, string anchor, SectionNameWords words) =>
        SectionNames.Label(SectionNames.Of(sections), anchor, words);

    [Theory]
    [InlineData("II-1-b2", "Mục II.1, ý 2: Thu hút trí thức có trình độ cao…", "Section II.1, point 2: Thu hút trí thức có trình độ cao…")]
    [InlineData("II-1", "Mục II.1: Mục tiêu đến năm 2030", "Section II.1: Mục tiêu đến năm 2030")]
    [InlineData("III", "Mục III: NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "Section III: NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")]
    public void A_bullet_of_the_plan_is_named_by_its_numbering_path_and_first_words(string anchor, string vietnamese, string english)
    {
        var sections = DraftContent.Sections("ke-hoach-45-nq-tw.md");

        Assert.Equal(vietnamese, Name(sections, anchor, SectionNameWords.Vietnamese));
        Assert.Equal(english, Name(sections, anchor, English));
    }

    [Fact]
    public void Every_section_of_the_seed_plan_has_a_name_that_is_not_its_anchor()
    {
        var sections = DraftContent.Sections("ke-hoach-45-nq-tw.md");
        var names = SectionNames.Of(sections);

        Assert.All(sections, s => Assert.NotEqual(s.Anchor, SectionNames.Label(names, s.Anchor, SectionNameWords.Vietnamese)));
    }

    [Fact]
    public void Clauses_and_points_of_an_article_read_like_a_citation()
    {
        var markdown = "## Chương I\n\n**Điều 5. Hình thức**\n\n1\\. Khoản một.\n\n2\\. Khoản hai:\n\na) Điểm a;\n\nđ) Điểm đ.\n";
        var sections = DraftParser.Parse(markdown).Sections;

        Assert.Equal("Điều 5: Hình thức", Name(sections, "dieu-5", SectionNameWords.Vietnamese));
        Assert.Equal("Điều 5, khoản 2, điểm a: Điểm a", Name(sections, "dieu-5-khoan-2-diem-a", SectionNameWords.Vietnamese));
        Assert.Equal("Điều 5, clause 2, point a: Điểm a", Name(sections, "dieu-5-khoan-2-diem-a", English));
    }

    [Fact]
    public void An_unknown_anchor_keeps_its_anchor()
    {
        Assert.Equal("II-9", Name([], "II-9", SectionNameWords.Vietnamese));
    }
}

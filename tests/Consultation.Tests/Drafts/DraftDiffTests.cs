using Nq45Consult.Consultation.Drafts.Diffing;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

public class DraftDiffTests
{
    private const string Base = """
        ## I- MỤC ĐÍCH

        - Quán triệt sâu rộng nội dung Nghị quyết đến toàn thể cán bộ, đảng viên.
        - Xây dựng cơ sở dữ liệu về đội ngũ trí thức của tỉnh.
        - Tôn vinh trí thức tiêu biểu hằng năm.

        ## II- TỔ CHỨC THỰC HIỆN

        Giao Ban Tuyên giáo Tỉnh ủy theo dõi, đôn đốc.
        """;

    /// <summary>One version's text rebuilt from the word changes: kept runs plus that side's changes.</summary>
    private static string Side(IEnumerable<WordChange> words, WordChangeKind side) =>
        string.Concat(words.Where(w => w.Kind == WordChangeKind.Unchanged || w.Kind == side).Select(w => w.Text));

    private static IReadOnlyList<SectionDiff> Compare(string from, string to) =>
        DraftDiff.Compare(DraftParser.Parse(from).Sections, DraftParser.Parse(to).Sections);

    [Fact]
    public void Identical_drafts_are_all_unchanged()
    {
        var diffs = Compare(Base, Base);

        Assert.Equal(5, diffs.Count);
        Assert.All(diffs, d => Assert.Equal(SectionChange.Unchanged, d.Kind));
        Assert.All(diffs, d => Assert.Equal(d.FromAnchor, d.ToAnchor));
        Assert.All(diffs, d => Assert.Empty(d.Words));
    }

    [Fact]
    public void Edited_section_is_changed_with_word_level_changes()
    {
        var diffs = Compare(Base, Base.Replace("cơ sở dữ liệu về đội ngũ", "cơ sở dữ liệu số về đội ngũ", StringComparison.Ordinal));

        var changed = Assert.Single(diffs, d => d.Kind == SectionChange.Changed);
        Assert.Equal("I-b2", changed.ToAnchor);
        Assert.Equal("I-b2", changed.FromAnchor);
        var inserted = Assert.Single(changed.Words, w => w.Kind == WordChangeKind.Inserted);
        Assert.Equal("số", inserted.Text.Trim());
        Assert.DoesNotContain(changed.Words, w => w.Kind == WordChangeKind.Deleted);
        Assert.Equal("Xây dựng cơ sở dữ liệu số về đội ngũ trí thức của tỉnh.", string.Concat(changed.Words.Select(w => w.Text)));
    }

    [Fact]
    public void Inserted_bullet_is_added_and_the_shifted_ones_stay_unchanged()
    {
        var diffs = Compare(Base, Base.Replace("- Tôn vinh", "- Ban hành chính sách thu hút chuyên gia đầu ngành.\n- Tôn vinh", StringComparison.Ordinal));

        var added = Assert.Single(diffs, d => d.Kind == SectionChange.Added);
        Assert.Equal("I-b3", added.ToAnchor);
        Assert.Null(added.FromAnchor);
        var shifted = Assert.Single(diffs, d => d.ToAnchor == "I-b4");
        Assert.Equal(SectionChange.Unchanged, shifted.Kind);
        Assert.Equal("I-b3", shifted.FromAnchor);
        Assert.Equal(6, diffs.Count);
    }

    [Fact]
    public void Removed_section_is_placed_where_it_was()
    {
        var diffs = Compare(Base, Base.Replace("- Xây dựng cơ sở dữ liệu về đội ngũ trí thức của tỉnh.\n", "", StringComparison.Ordinal));

        Assert.Equal(
            [SectionChange.Unchanged, SectionChange.Unchanged, SectionChange.Removed, SectionChange.Unchanged, SectionChange.Unchanged],
            diffs.Select(d => d.Kind));
        Assert.Equal("I-b2", diffs[2].FromAnchor);
        Assert.Null(diffs[2].ToAnchor);
        Assert.Equal("I-b2", diffs[3].ToAnchor);
        Assert.Equal("I-b3", diffs[3].FromAnchor);
    }

    [Fact]
    public void Renumbered_and_reworded_section_is_matched_by_similarity()
    {
        var from = "## Chương I\n\n### Điều 5. Hình thức\n\nLiên hiệp hội tổ chức tư vấn, phản biện bằng hội đồng, hội thảo hoặc lấy ý kiến bằng văn bản.\n";
        var to = "## Chương I\n\n### Điều 5. Giải thích từ ngữ\n\nTrong Quy định này, các từ ngữ được hiểu như sau.\n\n"
            + "### Điều 6. Hình thức\n\nLiên hiệp hội tổ chức tư vấn, phản biện bằng hội đồng, hội thảo hoặc lấy ý kiến trực tuyến.\n";

        var diffs = Compare(from, to);

        var moved = Assert.Single(diffs, d => d.ToAnchor == "dieu-6");
        Assert.Equal(SectionChange.Changed, moved.Kind);
        Assert.Equal("dieu-5", moved.FromAnchor);
        Assert.EndsWith("lấy ý kiến bằng văn bản.", Side(moved.Words, WordChangeKind.Deleted));
        Assert.EndsWith("lấy ý kiến trực tuyến.", Side(moved.Words, WordChangeKind.Inserted));
        Assert.Equal(SectionChange.Added, Assert.Single(diffs, d => d.ToAnchor == "dieu-5").Kind);
        Assert.DoesNotContain(diffs, d => d.Kind == SectionChange.Removed);
    }

    [Fact]
    public void Section_rewritten_under_the_same_anchor_is_changed_not_replaced()
    {
        var diffs = Compare("- Tôn vinh trí thức tiêu biểu hằng năm.\n\nKết.\n", "- Ngân sách dành cho quỹ đổi mới sáng tạo.\n\nKết.\n");

        Assert.Equal(SectionChange.Changed, diffs[0].Kind);
        Assert.Equal("b1", diffs[0].ToAnchor);
    }

    [Fact]
    public void Dissimilar_sections_under_new_anchors_are_removed_and_added()
    {
        var diffs = Compare("## Ghi chú cũ\n\nTôn vinh trí thức.\n", "## Ghi chú mới\n\nNgân sách cho quỹ.\n");

        Assert.Equal([SectionChange.Removed, SectionChange.Added], diffs.Select(d => d.Kind));
        Assert.Equal("ghi-chu-cu", diffs[0].FromAnchor);
        Assert.Equal("ghi-chu-moi", diffs[1].ToAnchor);
    }

    [Fact]
    public void Redline_html_marks_and_encodes_changes()
    {
        var html = WordChanges.ToRedlineHtml([
            new WordChange(WordChangeKind.Unchanged, "Điều <5> "),
            new WordChange(WordChangeKind.Deleted, "cũ"),
            new WordChange(WordChangeKind.Inserted, "mới & tốt"),
        ]);

        Assert.Equal("Điều &lt;5&gt; <del>cũ</del><ins>mới &amp; tốt</ins>", html);
    }
}

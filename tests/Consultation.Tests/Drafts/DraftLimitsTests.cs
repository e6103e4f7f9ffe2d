using System.Text;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

public class DraftLimitsTests
{

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\n ")]
    public void Empty_markdown_is_invalid(string markdown)
    {
        var error = Assert.Throws<DraftInvalidException>(() => DraftParser.Parse(markdown));

        Assert.Equal("markdown", error.Field);
        Assert.Contains("Dự thảo trống", error.Message);
    }

    [Fact]
    public void Markdown_over_two_megabytes_is_too_large()
    {
        var markdown = new string('a', DraftLimits.MaxMarkdownBytes + 1);

        var error = Assert.Throws<DraftTooLargeException>(() => DraftParser.Parse(markdown));

        Assert.Equal(DraftLimit.MarkdownBytes, error.Limit);
        Assert.Equal("markdown", error.Field);
        Assert.Contains("2 MB", error.Message);
    }

    [Fact]
    public void Size_is_counted_in_utf8_bytes_not_characters()
    {
        // "đ" is two bytes: fewer characters than the limit, more bytes.
        var markdown = new string('đ', DraftLimits.MaxMarkdownBytes / 2 + 1);

        Assert.Throws<DraftTooLargeException>(() => DraftParser.Parse(markdown));
    }

    [Fact]
    public void Exactly_the_section_limit_parses()
    {
        Assert.Equal(DraftLimits.MaxSections, DraftParser.Parse(Bullets(DraftLimits.MaxSections)).Sections.Count);
    }

    [Fact]
    public void One_section_over_the_limit_is_too_large()
    {
        var error = Assert.Throws<DraftTooLargeException>(() => DraftParser.Parse(Bullets(DraftLimits.MaxSections + 1)));

        Assert.Equal(DraftLimit.SectionCount, error.Limit);
        Assert.Contains("5,000 sections", error.Message);
    }

    [Fact]
    public void Ten_thousand_bullets_are_rejected()
    {
        Assert.Throws<DraftTooLargeException>(() => DraftParser.Parse(Bullets(10_000)));
    }

    [Fact]
    public void Fifty_deep_indented_lists_are_flattened_below_the_level_cap()
    {
        var sections = DraftParser.Parse(IndentedLists(50)).Sections;

        Assert.Equal(50, sections.Count);
        Assert.All(sections, s => Assert.InRange(s.Level, 1, DraftLimits.MaxLevel));
        Assert.Equal(sections.Count, sections.Select(s => s.Anchor).Distinct().Count());
    }

    [Fact]
    public void Thousand_deep_indented_lists_are_rejected_with_a_clear_error()
    {
        var error = Assert.Throws<DraftTooLargeException>(() => DraftParser.Parse(IndentedLists(1_000)));

        Assert.Equal(DraftLimit.NestingDepth, error.Limit);
        Assert.Equal("markdown", error.Field);
    }

    [Theory]
    [InlineData("- ")]
    [InlineData("> ")]
    [InlineData("1. ")]
    public void Deep_nesting_on_one_line_is_flattened_or_rejected_never_crashed(string marker)
    {
        foreach (var depth in new[] { 50, 1_000 })
        {
            var markdown = string.Concat(Enumerable.Repeat(marker, depth)) + "văn bản";
            try
            {
                var sections = DraftParser.Parse(markdown).Sections;
                Assert.All(sections, s => Assert.InRange(s.Level, 1, DraftLimits.MaxLevel));
            }
            catch (DraftTooLargeException error)
            {
                Assert.Equal(DraftLimit.NestingDepth, error.Limit);
            }
        }
    }

    [Fact]
    public void Nesting_deeper_than_markdig_may_go_is_rejected_not_crashed()
    {
        var markdown = string.Concat(Enumerable.Repeat("> ", 1_000_000)) + "x";

        var error = Assert.Throws<DraftTooLargeException>(() => DraftParser.Parse(markdown));

        Assert.Equal(DraftLimit.NestingDepth, error.Limit);
    }

    private static string IndentedLists(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(d => new string(' ', d * 2) + $"- mức {d}\n"));

    private static string Bullets(int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"- Gạch đầu dòng {i}\n"));
}

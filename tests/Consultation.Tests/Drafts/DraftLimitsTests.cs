using System.Diagnostics;
using System.Text;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

public class DraftLimitsTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(10);

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
    public void Ten_thousand_bullets_are_rejected_quickly()
    {
        var watch = Stopwatch.StartNew();

        Assert.Throws<DraftTooLargeException>(() => DraftParser.Parse(Bullets(10_000)));

        Assert.True(watch.Elapsed < Quickly, $"took {watch.Elapsed}");
    }

    [Fact]
    public void Thousand_deep_indented_lists_are_flattened_below_the_level_cap()
    {
        var markdown = new StringBuilder();
        for (var depth = 0; depth < 1_000; depth++)
        {
            markdown.Append(' ', depth * 2).Append("- mức ").Append(depth).Append('\n');
        }

        var watch = Stopwatch.StartNew();
        var sections = DraftParser.Parse(markdown.ToString()).Sections;

        Assert.True(watch.Elapsed < Quickly, $"took {watch.Elapsed}");
        Assert.NotEmpty(sections);
        Assert.All(sections, s => Assert.InRange(s.Level, 1, DraftLimits.MaxLevel));
        Assert.Equal(sections.Count, sections.Select(s => s.Anchor).Distinct().Count());
    }

    [Theory]
    [InlineData("- ")]
    [InlineData("> ")]
    [InlineData("1. ")]
    public void Thousand_deep_nesting_on_one_line_does_not_crash(string marker)
    {
        var markdown = string.Concat(Enumerable.Repeat(marker, 1_000)) + "văn bản";

        var watch = Stopwatch.StartNew();
        var sections = DraftParser.Parse(markdown).Sections;

        Assert.True(watch.Elapsed < Quickly, $"took {watch.Elapsed}");
        Assert.All(sections, s => Assert.InRange(s.Level, 1, DraftLimits.MaxLevel));
        Assert.DoesNotContain(sections, s => s.Html.Contains("<script", StringComparison.Ordinal));
    }

    [Fact]
    public void Nesting_deeper_than_markdig_may_go_is_rejected_not_crashed()
    {
        var markdown = string.Concat(Enumerable.Repeat("> ", 1_000_000)) + "x";

        var error = Assert.Throws<DraftTooLargeException>(() => DraftParser.Parse(markdown));

        Assert.Equal(DraftLimit.NestingDepth, error.Limit);
    }

    private static string Bullets(int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"- Gạch đầu dòng {i}\n"));
}

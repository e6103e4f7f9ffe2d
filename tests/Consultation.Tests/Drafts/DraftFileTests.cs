using Nq45Consult.Consultation.Drafts.Importing;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

public class DraftFileTests
{
    [Fact]
    public void Seed_plan_front_matter_is_read()
    {
        var file = DraftContent.File("ke-hoach-45-nq-tw.md");

        Assert.Equal("ke-hoach-45-nq-tw", file.Slug);
        Assert.StartsWith("Kế hoạch thực hiện Nghị quyết số 45-NQ/TW", file.Title);
        Assert.Equal("Ban Tuyên giáo Tỉnh ủy", file.DraftingAgency);
        Assert.Equal(DraftDocumentType.Plan, file.DocumentType);
        Assert.Equal(DraftAudience.Public, file.Audience);
        Assert.Equal(
            ["giáo dục và đào tạo", "khoa học và công nghệ", "y tế", "công nghiệp", "thương mại", "dịch vụ", "đô thị", "công nghệ thông tin"],
            file.Fields);
        Assert.StartsWith("# KẾ HOẠCH", file.Markdown);
    }

    [Fact]
    public void Legal_sample_uses_dash_lists_and_kebab_document_type()
    {
        var file = DraftContent.File("quy-dinh-tu-van-phan-bien.md");

        Assert.Equal(DraftDocumentType.LegalDocument, file.DocumentType);
        Assert.Equal(DraftAudience.Invited, file.Audience);
        Assert.Equal(20, file.ConsultationDays);
        Assert.Equal(["khoa học và công nghệ", "giáo dục và đào tạo"], file.Fields);
    }

    [Fact]
    public void Optional_keys_default_and_slug_comes_from_the_title()
    {
        var file = DraftFile.Parse("---\ntitle: \"Đề án phát triển đô thị\"\n---\n\nNội dung.\n");

        Assert.Equal("de-an-phat-trien-do-thi", file.Slug);
        Assert.Equal(DraftDocumentType.Policy, file.DocumentType);
        Assert.Equal(DraftAudience.Public, file.Audience);
        Assert.Null(file.ConsultationDays);
        Assert.Empty(file.Fields);
        Assert.Equal("Nội dung.\n", file.Markdown);
    }

    [Theory]
    [InlineData("---\nslug: x\n---\nBody", "title")]
    [InlineData("# No front matter", "frontMatter")]
    [InlineData("---\ntitle: A\n", "frontMatter")]
    [InlineData("---\ntitle: A\ndocumentType: law\n---\n", "documentType")]
    [InlineData("---\ntitle: A\naudience: everyone\n---\n", "audience")]
    [InlineData("---\ntitle: A\nconsultationDays: ten\n---\n", "consultationDays")]
    [InlineData("---\ntitle: A\ndrafting_agency: B\n---\n", "drafting_agency")]
    [InlineData("---\ntitle: [A, B]\n---\n", "title")]
    [InlineData("---\ntitle: A\ntitle: B\n---\n", "title")]
    [InlineData("---\ntitle: A\nfields:\n  health: y tế\n---\n", "frontMatter")]
    public void Bad_front_matter_names_the_field(string text, string field)
    {
        var error = Assert.Throws<DraftInvalidException>(() => DraftFile.Parse(text));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("---\ntitle: A\nsummary: Một: hai\n---\n", 3)]
    [InlineData("---\ntitle: A\nfields: [y tế\n---\n", 3)]
    [InlineData("---\ntitle: A\n\njust words\n---\n", 4)]
    public void Malformed_front_matter_names_its_line(string text, int line)
    {
        var error = Assert.Throws<DraftInvalidException>(() => DraftFile.Parse(text));

        Assert.Equal("frontMatter", error.Field);
        Assert.Contains($"line {line} ", error.Message);
    }
}

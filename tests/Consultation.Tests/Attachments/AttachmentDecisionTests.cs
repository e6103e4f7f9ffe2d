using Nq45Consult.Consultation.Attachments;
using Nq45Consult.Consultation.Attachments.Uploading;
using Nq45Consult.Consultation.Attachments.Withdrawing;
using Nq45Consult.TestSupport.Attachments;

namespace Nq45Consult.Consultation.Tests.Attachments;

public class AttachmentDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Caller Author = Caller.Of("expert1", "Chuyên gia", Role.Expert);
    private static readonly Caller Moderator = Caller.Of("moderator", "Người kiểm duyệt", Role.Moderator);
    private static readonly AttachmentsOptions Limits = new() { MaxBytes = 64 * 1024, MaxPerOwner = 2 };
    private static readonly OwnerAccess MayAttach = new(true);

    private static UploadAttachment Upload(byte[]? content, string? name = "kien-nghi.pdf", Caller? by = null) =>
        new("recommendation", Guid.NewGuid(), name, content, by ?? Author);

    private static Decision Decide(UploadAttachment command, OwnerAccess? owner = null, int attached = 0) =>
        UploadAttachment.Decide(command, owner ?? MayAttach, attached, Limits, Guid.NewGuid(), Now);

    [Fact]
    public void A_PDF_and_a_DOCX_are_recognised_by_their_content_whatever_their_name()
    {
        var pdf = Assert.IsType<AttachmentUploaded>(Assert.Single(Decide(Upload(SampleFiles.Pdf(), "báo cáo.PDF")).Events));
        Assert.Equal((AttachmentType.Pdf, "báo cáo.pdf", "expert1"), (pdf.Type, pdf.FileName, pdf.UploadedBy));
        var docx = Assert.IsType<AttachmentUploaded>(Assert.Single(Decide(Upload(SampleFiles.Docx(), "gop-y")).Events));
        Assert.Equal((AttachmentType.Docx, "gop-y.docx"), (docx.Type, docx.FileName));
        Assert.Equal(SampleFiles.Docx().Length, docx.Size);
    }

    [Fact]
    public void A_renamed_HTML_page_executable_or_archive_is_refused_naming_file()
    {
        foreach (var fake in new[] { SampleFiles.Html(), SampleFiles.Exe(), SampleFiles.ZipPretendingToBeDocx(), "PK\u0003\u0004broken"u8.ToArray() })
        {
            var refused = Decide(Upload(fake, "bao-cao.docx"));
            Assert.Equal((Refusal.Invalid, "file"), (refused.Refusal, refused.Field));
        }
        Assert.Equal((Refusal.Invalid, "file"), (Decide(Upload(null)).Refusal, Decide(Upload(null)).Field));
        Assert.Equal((Refusal.Invalid, "file"), (Decide(Upload([])).Refusal, Decide(Upload([])).Field));
    }

    [Fact]
    public void A_file_over_the_limit_is_too_large_and_an_owner_takes_only_so_many()
    {
        var big = SampleFiles.Pdf().Concat(new byte[Limits.MaxBytes]).ToArray();
        var oversized = Decide(Upload(big));
        Assert.Equal((Refusal.TooLarge, "file"), (oversized.Refusal, oversized.Field));
        Assert.Equal(Refusal.Conflict, Decide(Upload(SampleFiles.Pdf()), attached: 2).Refusal);
        Assert.True(Decide(Upload(SampleFiles.Pdf()), attached: 1).Accepted);
    }

    [Fact]
    public void The_owners_rule_decides_who_attaches_and_an_unseen_owner_is_not_found()
    {
        Assert.Equal(Refusal.NotFound, UploadAttachment.Decide(Upload(SampleFiles.Pdf()), null, 0, Limits, Guid.NewGuid(), Now).Refusal);
        Assert.Equal(Refusal.Forbidden, Decide(Upload(SampleFiles.Pdf()), new OwnerAccess(false)).Refusal);
        // Refused for the caller before the file is looked at: a wrong caller learns nothing about the upload.
        Assert.Equal(Refusal.Forbidden, Decide(Upload(null), new OwnerAccess(false)).Refusal);
    }

    [Theory]
    [InlineData(@"C:\Users\a\..\bao cao.pdf", "bao cao.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("a\"b<c>\r\nd;e.pdf", "abcde.pdf")]
    [InlineData("  ...  ", "tep-dinh-kem.pdf")]
    [InlineData("report.html", "report.html.pdf")]
    [InlineData(null, "tep-dinh-kem.pdf")]
    public void A_file_name_is_kept_without_folders_or_reserved_characters_and_ends_in_its_real_type(string? name, string safe)
    {
        Assert.Equal(safe, AttachmentFiles.SafeName(name, AttachmentType.Pdf));
        Assert.True(AttachmentFiles.SafeName(new string('x', 400), AttachmentType.Docx).Length <= AttachmentFiles.MaxNameLength);
    }

    [Fact]
    public void Its_uploader_or_a_moderator_withdraws_an_attachment_once()
    {
        var attachment = new Attachment(Guid.NewGuid(), "recommendation", Guid.NewGuid(), "a.pdf", AttachmentType.Pdf, 10, "expert1", Now, false);
        Assert.IsType<AttachmentWithdrawn>(Assert.Single(WithdrawAttachment.Decide(attachment, MayAttach, new(attachment.Id, Author), Now).Events));
        Assert.IsType<AttachmentWithdrawn>(Assert.Single(WithdrawAttachment.Decide(attachment, MayAttach, new(attachment.Id, Moderator), Now).Events));
        var other = Caller.Of("expert2", "Chuyên gia khác", Role.Expert);
        Assert.Equal(Refusal.Forbidden, WithdrawAttachment.Decide(attachment, new OwnerAccess(false), new(attachment.Id, other), Now).Refusal);
        Assert.Equal(Refusal.NotFound, WithdrawAttachment.Decide(attachment with { Withdrawn = true }, MayAttach, new(attachment.Id, Author), Now).Refusal);
        Assert.Equal(Refusal.NotFound, WithdrawAttachment.Decide(attachment, null, new(attachment.Id, Author), Now).Refusal);
    }
}

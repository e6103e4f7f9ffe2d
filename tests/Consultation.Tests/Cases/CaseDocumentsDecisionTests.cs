using Nq45Consult.Consultation.Attachments;
using Nq45Consult.Consultation.Attachments.Uploading;
using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Cases.Documents;

namespace Nq45Consult.Consultation.Tests.Cases;

/// <summary>Who attaches a case's documents: the requesting agency's officials and moderators, until the case is declined.</summary>
public class CaseDocumentsDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Guid AgencyId = Guid.NewGuid();
    private static readonly Caller Moderator = Caller.Of("moderator", "Người kiểm duyệt", Role.Moderator);
    private static readonly Caller Official = Caller.Of("official", "Cán bộ", Role.Official) with { AgencyId = AgencyId };
    private static readonly Caller OtherAgency = Caller.Of("official2", "Cán bộ khác", Role.Official) with { AgencyId = Guid.NewGuid() };
    private static readonly Caller Admin = Caller.Of("admin", "Quản trị", Role.Admin);

    private static CritiqueCase Requested() => CritiqueCaseProjection.Create(new CaseRequested(
        Guid.NewGuid(), CaseKind.Critique, "Phản biện kế hoạch", null, AgencyId, "Ban Tuyên giáo", Now.AddDays(30), true, "official", Now));

    [Fact]
    public void The_agencys_officials_and_moderators_attach_while_the_case_is_not_declined()
    {
        var requested = Requested();
        var accepted = CritiqueCaseProjection.Apply(new CaseAccepted(requested.Id, "moderator", Now), requested);
        var declined = CritiqueCaseProjection.Apply(new CaseDeclined(requested.Id, "Ngoài phạm vi", "moderator", Now), requested);
        foreach (var found in new[] { requested, accepted })
        {
            Assert.True(CaseAttachments.MayAttach(found, Official));
            Assert.True(CaseAttachments.MayAttach(found, Moderator));
            Assert.False(CaseAttachments.MayAttach(found, OtherAgency));
            Assert.False(CaseAttachments.MayAttach(found, Admin));
            Assert.False(CaseAttachments.MayAttach(found, null));
        }
        Assert.False(CaseAttachments.MayAttach(declined, Official));
        Assert.False(CaseAttachments.MayAttach(declined, Moderator));
    }

    [Fact]
    public void The_owners_own_reason_is_the_refusal_when_it_says_why()
    {
        var command = new UploadAttachment(CaseAttachments.OwnerKind, Guid.NewGuid(), "a.pdf", "%PDF-1.4\n"u8.ToArray(), Official);
        var refused = UploadAttachment.Decide(command, new OwnerAccess(false) { WhyNot = "Hồ sơ đã bị từ chối." }, 0, new AttachmentsOptions(), Guid.NewGuid(), Now);
        Assert.Equal((Refusal.Forbidden, "Hồ sơ đã bị từ chối."), (refused.Refusal, refused.Reason));
    }
}

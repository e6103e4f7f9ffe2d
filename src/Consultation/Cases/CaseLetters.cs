using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Consultation.Cases;

/// <summary>What the notifications (and their e-mails) of a case say, in Vietnamese and English, and its minutes' heading.</summary>
public static class CaseLetters
{
    public static string Link(Guid caseId) => $"/cases/{caseId}";

    public static string RoleName(CouncilRole role, bool english) => (role, english) switch
    {
        (CouncilRole.Chair, false) => "chủ tịch hội đồng",
        (CouncilRole.Secretary, false) => "thư ký",
        (CouncilRole.FirstReviewer, false) => "phản biện 1",
        (CouncilRole.SecondReviewer, false) => "phản biện 2",
        (_, false) => "ủy viên",
        (CouncilRole.Chair, true) => "chair",
        (CouncilRole.Secretary, true) => "secretary",
        (CouncilRole.FirstReviewer, true) => "first reviewer",
        (CouncilRole.SecondReviewer, true) => "second reviewer",
        _ => "member",
    };

    /// <summary>The heading of the council meeting's minutes (a state document, in Vietnamese whoever reads it).</summary>
    public static string MinutesHeading(CaseKind kind) => kind switch
    {
        CaseKind.Advice => "BIÊN BẢN HỌP HỘI ĐỒNG TƯ VẤN",
        CaseKind.Assessment => "BIÊN BẢN HỌP HỘI ĐỒNG GIÁM ĐỊNH XÃ HỘI",
        _ => "BIÊN BẢN HỌP HỘI ĐỒNG PHẢN BIỆN",
    };

    public static Notice CouncilInvitation(string subject, CouncilRole role, Guid caseId) => new(
        NotificationKind.CaseCouncilInvitation, $"Mời tham gia hội đồng: {subject}",
        $"Liên hiệp các Hội KH&KT mời bạn làm {RoleName(role, false)} của hội đồng chuyên gia về “{subject}”. Hãy nhận lời hoặc từ chối trên trang hồ sơ.",
        Link(caseId))
    {
        English = new($"Invitation to an expert council: {subject}",
            $"The Union of Science and Technology Associations invites you to be the {RoleName(role, true)} of the expert council on “{subject}”. Please accept or decline on the case's page."),
    };

    public static Notice Declined(string subject, string reason, Guid caseId) => new(
        NotificationKind.CaseDeclined, $"Đề nghị không được tiếp nhận: {subject}",
        $"Liên hiệp các Hội KH&KT không tiếp nhận đề nghị “{subject}”. Lý do: {reason}", Link(caseId))
    {
        English = new($"Request declined: {subject}", $"The Union of Science and Technology Associations declined the request “{subject}”. Reason: {reason}"),
    };

    public static Notice ReportSent(string subject, int recommendations, Guid caseId) => new(
        NotificationKind.CaseReportSent, $"Báo cáo phản biện: {subject}",
        $"Liên hiệp các Hội KH&KT đã gửi báo cáo về “{subject}” với {recommendations} kiến nghị. Đề nghị cơ quan cho ý kiến tiếp thu từng kiến nghị trên trang hồ sơ.",
        Link(caseId))
    {
        English = new($"Critique report: {subject}",
            $"The Union of Science and Technology Associations sent its report on “{subject}” with {recommendations} recommendations. Please record your agency's position on each on the case's page."),
    };
}

namespace Nq45Consult.Consultation.Cases;

/// <summary>
/// Every Vietnamese text a case's decisions answer with, in one place (the domain's texts are moving to resources; one
/// file keeps that move mechanical).
/// </summary>
public static class CaseText
{
    public const string NotFound = "Không tìm thấy hồ sơ.";
    public const string OnlyRequesters = "Chỉ cán bộ của cơ quan hoặc người kiểm duyệt mới ghi nhận yêu cầu.";
    public const string OnlyModerators = "Chỉ người kiểm duyệt của Liên hiệp hội mới làm việc này.";
    public const string OnlyTheMember = "Chỉ người được mời vào hội đồng mới trả lời lời mời.";
    public const string OnlyTheAgency = "Chỉ cán bộ của cơ quan đề nghị mới ghi nhận ý kiến của cơ quan.";
    public const string Kind = "Loại việc phải là một trong: ";
    public const string Subject = "Nội dung đề nghị";
    public const string DueInFuture = "Thời hạn phải ở tương lai.";
    public const string DueRequired = "Cần thời hạn.";
    public const string NoConsultation = "Không có dự thảo này.";
    public const string NoAgency = "Không có cơ quan này.";
    public const string AgencyRequired = "Cần nêu cơ quan đề nghị.";
    public const string OfficialWithoutAgency = "Tài khoản của bạn chưa thuộc cơ quan nào; hãy nhờ quản trị viên gán cơ quan.";
    public const string OwnAgencyOnly = "Cán bộ chỉ đề nghị thay cho cơ quan của mình.";
    public const string Reason = "Lý do";
    public const string AlreadyDecided = "Yêu cầu đã được tiếp nhận hoặc từ chối.";
    public const string NotAccepted = "Hồ sơ chưa được tiếp nhận.";
    public const string Role = "Vai trò phải là một trong: ";
    public const string NoProfile = "Không có hồ sơ chuyên gia này.";
    public const string ProfileWithoutAccount = "Chuyên gia này chưa có tài khoản, không mời vào hội đồng được.";
    public const string SlotTaken = "Vị trí này trong hội đồng đã có người.";
    public const string AlreadyMember = "Chuyên gia này đã ở trong hội đồng.";
    public const string NoSuchMember = "Không có thành viên hội đồng này.";
    public const string AlreadyAnswered = "Lời mời đã được trả lời.";
    public const string NoCaseConsultation = "Hồ sơ không gắn với dự thảo nào.";
    public const string NoSession = "Không có phiên đối thoại này của dự thảo.";
    public const string NoReport = "Dự thảo chưa có báo cáo phản biện.";
    public const string ReportAlreadySent = "Báo cáo đã được gửi.";
    public const string ReportNotSent = "Báo cáo chưa được gửi tới cơ quan.";
    public const string AnswerAlreadyRecorded = "Ý kiến của cơ quan đã được ghi nhận.";
    public const string AnswersEach = "Cần đúng một ý kiến cho mỗi kiến nghị của báo cáo, số kiến nghị: ";
    public const string Verdict = "Ý kiến phải là một trong: ";
    public const string Explanation = "Giải trình";
    public const string CouncilIncomplete = "Hội đồng chưa đủ các vị trí.";
}

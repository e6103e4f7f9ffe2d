namespace Nq45Consult.Consultation.Review.Minutes;

/// <summary>
/// The wording the generated draft and its DOCX are written in: the minutes ("biên bản") are a state document, filed
/// and kept in Vietnamese whatever the reader's language, and the draft is stored in the event that generates it. What
/// the reader is told (refusals, validation messages) comes from DomainText.
/// </summary>
public static class MinutesText
{
    public const string DefaultHeading = "BIÊN BẢN PHIÊN ĐỐI THOẠI";
    public const string DefaultOrganiser = "LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT";
    public const string DefaultPlace = "Phòng họp trực tuyến";
    public const string WholeSession = "Nội dung phiên đối thoại";
    public const string Question = "Câu hỏi của {0} ({1}): {2}";
    public const string Answer = "Trả lời ({0}): {1}";
    public const string Unanswered = "(Chưa được trả lời tại phiên.)";
    public const string ModeratorSaid = "Người điều hành {0} ({1}): {2}";
    public const string Poll = "Biểu quyết \"{0}\" ({1} người bỏ phiếu): {2}.";
    public const string PollOption = "{0}: {1} phiếu";
    public const string NothingRecorded = "(Không có nội dung được ghi nhận ở bước này.)";

    public const string About = "Về: {0}";
    public const string Time = "Thời gian: từ {0} đến {1}.";
    public const string TimeOpen = "Thời gian: bắt đầu {0}.";
    public const string Place = "Địa điểm: {0}.";
    public const string Participants = "Số người tham dự có ghi nhận trên hệ thống: {0}.";
    public const string ChairLine = "Chủ trì: {0}.";
    public const string SecretaryLine = "Thư ký: {0}.";
    public const string ContentHeading = "NỘI DUNG";
    public const string ConclusionsHeading = "KẾT LUẬN";
    public const string DraftMark = "(Bản nháp, chưa chốt)";
    public const string Closing = "Biên bản được lập xong vào lúc {0}, đã thông qua các thành viên tham dự.";
    public const string Chair = "CHỦ TRÌ";
    public const string Secretary = "THƯ KÝ";
    public const string Blank = "……";

    /// <summary>"14:05 ngày 03/12/2026".</summary>
    public const string ClockFormat = "HH:mm 'ngày' dd/MM/yyyy";
}

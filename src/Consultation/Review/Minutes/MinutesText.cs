namespace Nq45Consult.Consultation.Review.Minutes;

/// <summary>
/// The Vietnamese texts of the minutes: refusals, and the wording the generated draft and its DOCX are written in (the
/// record of a meeting is kept in the language it is filed in). One file, so moving them into resources is mechanical.
/// </summary>
public static class MinutesText
{
    public const string NoSession = "Không tìm thấy phiên đối thoại.";
    public const string NoMinutes = "Phiên này chưa có biên bản.";
    public const string MayNotEdit = "Chỉ người điều hành (hoặc thư ký) mới lập và sửa biên bản.";
    public const string MayNotRead = "Chỉ người điều hành và cán bộ cơ quan soạn thảo mới xem biên bản.";
    public const string NotEnded = "Phiên đối thoại chưa kết thúc: biên bản được lập sau khi phiên kết thúc.";
    public const string AlreadyGenerated = "Phiên này đã có biên bản; hãy sửa bản đang có.";
    public const string AlreadyFinal = "Biên bản đã được chốt; không sửa hay chốt lại được.";
    public const string ChangedElsewhere = "Biên bản vừa được thay đổi ở nơi khác; hãy tải lại rồi làm tiếp.";
    public const string TooLong = "Nội dung dài quá {0} ký tự.";
    public const string Required = "Nội dung không được để trống.";
    public const string StepsCount = "Biên bản có {0} mục nội dung; gửi đúng {0} đoạn, theo thứ tự.";
    public const string ParticipantsRange = "Số người tham dự phải từ 0 đến {0}.";

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
}

namespace Nq45Consult.Consultation.Feedback.Recording;

/// <summary>
/// The Vietnamese texts of feedback recorded on a sender's behalf: refusals, and how the provenance reads in the
/// reports and the API. One file, so moving them into resources is mechanical.
/// </summary>
public static class RecordingText
{
    public const string ModeratorsOnly = "Chỉ người điều hành mới ghi nhận góp ý thay cho người gửi bằng văn bản.";
    public const string NotOpenYet = "Đợt lấy ý kiến chưa mở.";
    public const string NoSection = "Dự thảo không có mục \"{0}\".";
    public const string Kind = "Hình thức nhận phải là một trong: {0}.";
    public const string SenderRequired = "Cần tên người hoặc tổ chức gửi góp ý.";
    public const string TooLong = "Dài quá {0} ký tự.";
    public const string ReceivedOn = "Ngày nhận phải là một ngày hợp lệ (yyyy-MM-dd), không sau hôm nay.";

    public const string PaperLetter = "Góp ý bằng văn bản của {0}{1}, nhận ngày {2}";
    public const string Organisation = "Góp ý của tổ chức {0}{1}, nhận ngày {2}";
    public const string Meeting = "Ý kiến tại cuộc họp của {0}{1}, ghi nhận ngày {2}";
    public const string Reference = " (văn bản số {0})";
}

namespace Nq45Consult.Consultation.Attachments;

/// <summary>The attachments' refusals, in one place while the domain's texts move into resources.</summary>
public static class AttachmentText
{
    public const string NotFound = "Không tìm thấy tệp đính kèm.";
    public const string OwnerNotFound = "Không tìm thấy nội dung để đính kèm tệp.";
    public const string MayNotAttach = "Chỉ tác giả hoặc người kiểm duyệt mới đính kèm tệp.";
    public const string MayNotWithdraw = "Chỉ người tải tệp lên hoặc người kiểm duyệt mới rút tệp đính kèm.";
    public const string FileRequired = "Cần chọn một tệp PDF hoặc DOCX.";
    public const string WrongType = "Tệp phải là PDF hoặc Word (DOCX); nội dung tệp không phải một trong hai loại này.";
    public const string TooMany = "Đã đủ số tệp đính kèm tối đa ({0}).";

    public static string TooLarge(long maxBytes) => $"Tệp lớn hơn giới hạn {maxBytes / 1024} KB.";
}

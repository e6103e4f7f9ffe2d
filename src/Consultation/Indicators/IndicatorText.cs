namespace Nq45Consult.Consultation.Indicators;

/// <summary>The indicators' refusals and messages, in Vietnamese, in one place (they move to the resources with the other domain texts).</summary>
public static class IndicatorText
{
    public const string AdminsOnly = "Chỉ quản trị viên mới quản lý các chỉ tiêu.";
    public const string StaffOnly = "Chỉ người điều hành hoặc quản trị viên mới chụp số liệu chỉ tiêu.";
    public const string NotFound = "Không tìm thấy chỉ tiêu.";
    public const string Retired = "Chỉ tiêu đã thôi theo dõi; không sửa được nữa.";
    public const string NothingToMeasure = "Không có chỉ tiêu nào đang được theo dõi.";
    public const string NoSnapshot = "Chưa có lần chụp số liệu nào để so sánh.";
    public const string NameRequired = "Cần đặt tên cho chỉ tiêu.";
    public const string NameTaken = "Đã có chỉ tiêu đang theo dõi mang tên này.";
    public const string MeasureInvalid = "Cách đo phải là một trong: count, share, manual.";
    public const string FiltersRequired = "Chỉ tiêu đo từ cơ sở dữ liệu cần ít nhất một bộ lọc.";
    public const string BaseRequired = "Chỉ tiêu tỷ lệ cần ít nhất một bộ lọc cho mẫu số.";
    public const string TargetInvalid = "Mục tiêu phải là số không âm.";
    public const string SharePercent = "Mục tiêu tỷ lệ tính bằng phần trăm, từ 0 đến 100.";
    public const string DeadlineInvalid = "Thời hạn phải là ngày dạng yyyy-MM-dd.";
    public const string FigureInvalid = "Số liệu nhập tay phải là số không âm.";
    public const string HeadingsInvalid = "Tiêu đề cột: \"vi\" (mặc định) hoặc \"en\".";
    public const string FigureOnlyManual = "Chỉ chỉ tiêu nhập tay mới nhận số liệu nhập tay.";

    public static string NameTooLong(int max) => $"Tên chỉ tiêu dài tối đa {max} ký tự.";

    public static string TooManyFilters(int max) => $"Tối đa {max} bộ lọc.";
}

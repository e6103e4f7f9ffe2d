using System.Globalization;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>Dates, statuses and types in plain Vietnamese, in Vietnam's time zone.</summary>
public static class ConsultationText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly TimeZoneInfo VietnamTime = FindVietnamTime();

    public static string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, VietnamTime).ToString("HH:mm 'ngày' dd/MM/yyyy", Vietnamese);

    /// <summary>The value of a <c>datetime-local</c> input: Vietnam time, to the minute.</summary>
    public static string LocalInput(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, VietnamTime).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A <c>datetime-local</c> value read as Vietnam time; null when empty or unreadable.</summary>
    public static DateTimeOffset? FromLocalInput(string? value)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, VietnamTime.GetUtcOffset(local));
    }

    public static string Status(ConsultationDetails c, DateTimeOffset now) => c.Status switch
    {
        ConsultationStatus.Draft => "Bản nháp, chưa công bố",
        ConsultationStatus.Open when c.OpensAt > now => $"Sắp mở: từ {Date(c.OpensAt)}",
        ConsultationStatus.Open => $"Đang lấy ý kiến đến {Date(c.ClosesAt)}",
        ConsultationStatus.Closed => $"Đã kết thúc lúc {Date(c.ClosedAt ?? c.ClosesAt)}",
        _ => "Đã có phản hồi",
    };

    public static string Type(DocumentType type) => type switch
    {
        DocumentType.Plan => "Kế hoạch",
        DocumentType.Policy => "Chính sách",
        DocumentType.LegalDocument => "Văn bản quy phạm pháp luật",
        _ => "Đề án",
    };

    public static string Audience(Audience audience) =>
        audience == Consultation.Consultations.Audience.Public ? "Mọi chuyên gia" : "Chuyên gia được mời";

    private static TimeZoneInfo FindVietnamTime()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT"); }
    }
}

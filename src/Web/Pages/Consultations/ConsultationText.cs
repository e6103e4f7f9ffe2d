using System.Globalization;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>Dates, statuses and types in the reader's language; times in Vietnam's time zone, whoever reads.</summary>
public static class ConsultationText
{
    private static readonly TimeZoneInfo VietnamTime = FindVietnamTime();

    /// <summary>
    /// A field of activity (lĩnh vực) in the reader's language. Fields are stored, filtered on and sent through the API
    /// as their Vietnamese names, which is how a Vietnamese reader reads them; the English resources name each default
    /// field (<c>Field_</c> and the stored name, lower case). A field configured beyond the defaults reads as stored.
    /// </summary>
    public static string Field(IStringLocalizer texts, string field)
    {
        var name = texts["Field_" + field.Trim().ToLowerInvariant()];
        return name.ResourceNotFound ? field : name.Value;
    }

    public static string Date(IStringLocalizer texts, DateTimeOffset at) => texts["ConsultationDate", TimeZoneInfo.ConvertTime(at, VietnamTime).DateTime];

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

    public static string Status(IStringLocalizer texts, ConsultationDetails c, DateTimeOffset now) => c.Status switch
    {
        ConsultationStatus.Draft => texts["ConsultationStatus_Draft"],
        ConsultationStatus.Open when c.OpensAt > now => texts["ConsultationStatus_Upcoming", Date(texts, c.OpensAt)],
        ConsultationStatus.Open => texts["ConsultationStatus_Open", Date(texts, c.ClosesAt)],
        ConsultationStatus.Closed => texts["ConsultationStatus_Closed", Date(texts, c.ClosedAt ?? c.ClosesAt)],
        _ => texts["ConsultationStatus_Responded"],
    };

    public static string Type(IStringLocalizer texts, DocumentType type) => texts["DocumentType_" + type];

    public static string Audience(IStringLocalizer texts, Audience audience) => texts["Audience_" + audience];

    private static TimeZoneInfo FindVietnamTime()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT"); }
    }
}

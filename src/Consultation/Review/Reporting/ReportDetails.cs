using System.Globalization;
using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>The letterhead details last set for a consultation's report (kept inline with the consultation's stream).</summary>
public sealed record ReportDetails(
    Guid Id, string IssuingBody, string Number, string Place, DateOnly? Date, string SignerPosition, string SignerName,
    IReadOnlyList<string> Recipients, string SetBy, DateTimeOffset SetAt);

public sealed class ReportDetailsProjection : SingleStreamProjection<ReportDetails, Guid>
{
    public static ReportDetails Create(ReportDetailsSet e) =>
        new(e.ConsultationId, e.IssuingBody, e.Number, e.Place, e.Date, e.SignerPosition, e.SignerName, e.Recipients, e.SetBy, e.SetAt);

    public static ReportDetails Apply(ReportDetailsSet e, ReportDetails _) => Create(e);
}

/// <summary>
/// What the report prints around its body, in the form of Decree 30/2020: the issuing body and number (left of the
/// national motto), the place and date line, the signer's position and name, and "Nơi nhận". Built from the details
/// set for the consultation, each blank field replaced by its default (dotted blanks where the agency writes by hand).
/// </summary>
public sealed record Letterhead(
    string IssuingBody, string NumberLine, string PlaceDateLine, IReadOnlyList<string> SignerPosition, string SignerName, IReadOnlyList<string> Recipients)
{
    public const string RecipientsHeading = "Nơi nhận:";
    public const string DefaultSignerPosition = "THỦ TRƯỞNG CƠ QUAN";
    public const string Blank = "……";
    public static readonly IReadOnlyList<string> DefaultRecipients = ["Lưu: VT."];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static Letterhead Of(ConsultationDetails consultation, ReportDetails? details, DateTimeOffset generatedAt)
    {
        string Or(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
        var body = Or(details?.IssuingBody, Or(consultation.DraftingAgency, "CƠ QUAN CHỦ TRÌ SOẠN THẢO"));
        var position = Or(details?.SignerPosition, DefaultSignerPosition);
        return new Letterhead(
            body.ToUpper(Vietnamese),
            $"Số: {Or(details?.Number, $"{Blank}/BC-{Blank}")}",
            $"{Or(details?.Place, Blank)}, {DateLine(details?.Date, generatedAt.Year)}",
            [.. position.Split('\n').Select(line => line.ToUpper(Vietnamese))],
            details?.SignerName ?? "",
            details is { Recipients.Count: > 0 } ? details.Recipients : DefaultRecipients);
    }

    /// <summary>"ngày 05 tháng 02 năm 2026": days below 10 and the months January and February take a leading zero (Decree 30/2020).</summary>
    public static string DateLine(DateOnly? date, int year) => date is { } d
        ? $"ngày {d.Day:00} tháng {(d.Month <= 2 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}"
        : $"ngày {Blank} tháng {Blank} năm {year}";
}

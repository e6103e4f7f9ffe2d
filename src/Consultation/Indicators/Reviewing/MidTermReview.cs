using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Indicators.Snapshots;

namespace Nq45Consult.Consultation.Indicators.Reviewing;

/// <summary>One indicator of the mid-term review: its first and latest measured values, the change and how far towards the target.</summary>
public sealed record ReviewRow(
    int Number, string Name, string Definition, IndicatorMeasure Measure, double Target, DateOnly Deadline,
    double? FirstValue, DateTimeOffset FirstAt, double? LatestValue, DateTimeOffset LatestAt)
{
    public double? Change => FirstValue is { } first && LatestValue is { } latest ? Math.Round(latest - first, 2) : null;

    public double? PercentOfTarget => LatestValue is { } latest && Target > 0 ? Math.Round(100 * latest / Target, 1) : null;
}

/// <summary>
/// The mid-term review (sơ kết) of the plan's indicators: every indicator of the latest snapshot, compared with the first
/// snapshot that holds it (an indicator defined later starts later). Names, targets and deadlines are the latest snapshot's.
/// </summary>
public sealed record MidTermReview(IndicatorSnapshot First, IndicatorSnapshot Latest, IReadOnlyList<ReviewRow> Rows)
{
    public const string Title = "BÁO CÁO SƠ KẾT";
    public const string Subject = "Tình hình thực hiện các chỉ tiêu của Kế hoạch thực hiện Nghị quyết số 45-NQ/TW về xây dựng và phát huy vai trò của đội ngũ trí thức";

    public static MidTermReview? Of(IReadOnlyList<IndicatorSnapshot> snapshots, IReadOnlyList<Indicator> indicators, IReadOnlyList<MemberAssociation> associations)
    {
        if (snapshots.Count == 0) return null;
        var ordered = snapshots.OrderBy(s => s.TakenAt).ToList();
        var latest = ordered[^1];
        var rows = latest.Values.Select((value, i) =>
        {
            var first = ordered.First(s => s.Values.Any(v => v.IndicatorId == value.IndicatorId));
            var spec = indicators.FirstOrDefault(x => x.Id == value.IndicatorId)?.Spec;
            return new ReviewRow(
                i + 1, value.NameVi, spec is null ? "" : IndicatorDescription.Of(spec, associations), value.Measure, value.Target, value.Deadline,
                first.Values.Single(v => v.IndicatorId == value.IndicatorId).Value, first.TakenAt, value.Value, latest.TakenAt);
        }).ToList();
        return new MidTermReview(ordered[0], latest, rows);
    }

    /// <summary>The sentences above the table; the XLSX writes them on its second sheet.</summary>
    public IEnumerable<string> PreambleLines()
    {
        yield return $"So sánh số liệu lần chụp đầu tiên (ngày {Day(First.TakenAt)}, cơ sở dữ liệu có {Count(First.RegistrySize)} người) "
            + $"với lần chụp gần nhất (ngày {Day(Latest.TakenAt)}, cơ sở dữ liệu có {Count(Latest.RegistrySize)} người).";
        yield return "Giá trị tỷ lệ tính bằng phần trăm; \"—\" là chưa có số liệu.";
    }

    public static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    private static string Count(int n) => n.ToString("N0", Vietnamese);

    /// <summary>A value as the document prints it: Vietnamese separators, shares with " %", "—" when there is none.</summary>
    public static string Figure(double? value, IndicatorMeasure measure) =>
        value is not { } v ? "—" : v.ToString("#,0.##", Vietnamese) + (measure == IndicatorMeasure.Share ? " %" : "");

    public static string Day(DateTimeOffset at) => at.ToOffset(IndicatorSnapshot.VietnamOffset).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The review's column headings: the document is Vietnamese; English headings are offered for partners, as for the acceptance report.</summary>
public static class ReviewHeadings
{
    public static readonly IReadOnlyList<string> Vietnamese =
        ["TT", "Chỉ tiêu", "Cách tính", "Mục tiêu", "Thời hạn", "Giá trị lần đầu", "Ngày lần đầu", "Giá trị gần nhất", "Ngày gần nhất", "Thay đổi", "% so với mục tiêu"];

    public static readonly IReadOnlyList<string> English =
        ["No.", "Indicator", "Definition", "Target", "Deadline", "First value", "First date", "Latest value", "Latest date", "Change", "% of target"];

    /// <summary>The headings a query asks for (<c>vi</c> when absent); null for a value that is neither <c>vi</c> nor <c>en</c>.</summary>
    public static IReadOnlyList<string>? Of(string? code) => code switch
    {
        null or "" or "vi" => Vietnamese,
        "en" => English,
        _ => null,
    };
}

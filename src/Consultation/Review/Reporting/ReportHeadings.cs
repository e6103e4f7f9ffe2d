namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>
/// The column headings of the acceptance table: <see cref="Document"/> for the DOCX and PDF (five columns), <see cref="Table"/>
/// for XLSX and CSV (nine: the last, the version that addressed the item, added after the first eight so readers of
/// those keep working). The report itself stays Vietnamese; English headings are offered for partners who read them.
/// </summary>
public sealed record ReportHeadings(string Code, IReadOnlyList<string> Document, IReadOnlyList<string> Table)
{
    public static readonly ReportHeadings Vietnamese = new("vi",
        ["TT", "Nhóm vấn đề / Điều, khoản", "Chủ thể góp ý", "Nội dung góp ý", "Nội dung tiếp thu, giải trình"],
        ["TT", "Nhóm vấn đề / Điều, khoản", "Chủ thể góp ý", "Lập trường", "Nội dung góp ý", "Đề xuất sửa đổi", "Tiếp thu", "Giải trình", "Tiếp thu ở phiên bản"]);

    public static readonly ReportHeadings English = new("en",
        ["No.", "Issue / Article, clause", "Commenter", "Feedback", "Acceptance and explanation"],
        ["No.", "Issue / Article, clause", "Commenter", "Stance", "Feedback", "Proposed wording", "Acceptance", "Explanation", "Addressed in version"]);

    /// <summary>The headings a query asks for (<c>vi</c> when absent); null for a value that is neither <c>vi</c> nor <c>en</c>.</summary>
    public static ReportHeadings? Of(string? code) => code switch
    {
        null or "" or "vi" => Vietnamese,
        "en" => English,
        _ => null,
    };
}

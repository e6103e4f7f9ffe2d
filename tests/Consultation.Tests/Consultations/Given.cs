using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Tests.Consultations;

/// <summary>Consultation states and inputs for decision tests.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));

    public static readonly ConsultationOptions Options = new() { MinimumDays = { ["legal-document"] = 20 } };

    public static readonly Caller Moderator = Caller.Of("moderator", "Người kiểm duyệt", Role.Moderator);

    public static readonly Caller Official = Caller.Of("official", "Cán bộ", Role.Official);

    public static ConsultationDetailsInput Details(string? title = "Dự thảo quy định", int days = 30, string type = "plan", params string[] fields) =>
        new(title, "Tóm tắt", "Sở Khoa học và Công nghệ", type, fields.Length > 0 ? fields : ["y tế"], "public", Now, Now.AddDays(days));

    public static ConsultationState Draft(int versions = 0) =>
        new(Guid.CreateVersion7(), ConsultationStatus.Draft, Now.AddDays(30), versions, versions > 0 ? "# I. Mục" : null,
            new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    public static ConsultationState Open() => Draft(1) with { Status = ConsultationStatus.Open };

    public static ConsultationState Closed() => Draft(1) with { Status = ConsultationStatus.Closed };

    public static SectionSnapshot Section(string anchor = "I") => new(anchor, anchor, "Mục", "Nội dung", "<p>Nội dung</p>", null, 0, 1);
}

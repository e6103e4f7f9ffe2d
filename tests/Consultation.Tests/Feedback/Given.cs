using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Tests.Feedback;

/// <summary>Ready-made states for the feedback decision tests.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
    public const string SectionText = "Phát triển hạ tầng số 🇻🇳 đồng bộ, hiện đại.";

    public static readonly Caller Expert = Caller.Of("expert1", "TS. Nguyễn Văn A", Role.Expert);
    public static readonly Caller OtherExpert = Caller.Of("expert2", "ThS. Trần Thị B", Role.Expert);
    public static readonly Caller Moderator = Caller.Of("moderator", "Kiểm duyệt viên", Role.Moderator);
    public static readonly Caller Official = Caller.Of("official", "Cán bộ", Role.Official);

    public static FeedbackTarget Consultation(
        ConsultationStatus status = ConsultationStatus.Open, Audience audience = Audience.Public, params string[] invited) =>
        new(Guid.NewGuid(), status, audience, new HashSet<string>(invited, StringComparer.OrdinalIgnoreCase), 1,
            [new SectionSnapshot("II-1", "1.", "Hạ tầng", SectionText, $"<p>{SectionText}</p>", "II", 3, 2)]);

    public static FeedbackInput Input(
        string? stance = "amend", string? rationale = "Cần nêu rõ lộ trình.", string? attribution = "named",
        QuoteInput? quote = null, IReadOnlyList<ReferenceInput>? references = null, string? proposedText = "Đề xuất sửa.") =>
        new(quote, stance, proposedText, rationale, references, attribution);

    public static FeedbackState Item(Caller? author = null, bool withdrawn = false, bool hidden = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), 1, "II-1", (author ?? Expert).UserName, withdrawn, hidden,
            new HashSet<string>(StringComparer.OrdinalIgnoreCase));
}

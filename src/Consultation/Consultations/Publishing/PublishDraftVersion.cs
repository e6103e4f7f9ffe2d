using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Consultations.Publishing;

/// <summary>Publish the next version of the draft, already parsed into <see cref="Sections"/> and its <see cref="Frame"/>.</summary>
public sealed record PublishDraftVersion(Guid ConsultationId, string Markdown, string? ChangeNote, IReadOnlyList<SectionSnapshot> Sections, DraftFrame Frame, string PublishedBy)
{
    public const int MaxChangeNoteLength = 2_000;

    public static Decision Decide(ConsultationState state, PublishDraftVersion command, DateTimeOffset now)
    {
        if (state.Status is not (ConsultationStatus.Draft or ConsultationStatus.Open))
            return Decision.Conflict("Không thể đăng phiên bản mới: đợt lấy ý kiến đã kết thúc.");
        var note = command.ChangeNote?.Trim();
        if (state.CurrentVersion > 0 && string.IsNullOrEmpty(note))
            return Decision.Invalid("changeNote", "Cần ghi chú thay đổi cho phiên bản thứ hai trở đi.");
        if (note?.Length > MaxChangeNoteLength)
            return Decision.Invalid("changeNote", $"Ghi chú thay đổi dài tối đa {MaxChangeNoteLength} ký tự.");
        if (command.Sections.Count == 0)
            return Decision.Invalid("markdown", "Dự thảo không có nội dung.");
        if (command.Markdown == state.CurrentMarkdown)
            return Decision.Invalid("markdown", "Nội dung giống hệt phiên bản hiện tại.");
        return Decision.Accept(new DraftVersionPublished(
            state.Id, state.CurrentVersion + 1, command.Markdown, string.IsNullOrEmpty(note) ? null : note,
            command.Sections, command.PublishedBy, now, command.Frame.IsEmpty ? null : command.Frame));
    }
}

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>Checks shared by the decide functions; each returns the refusal, or null when the rule holds.</summary>
internal static class Rules
{
    public static DialogueDecision? Live(DialogueSession session) => session.Status switch
    {
        SessionStatus.Scheduled => DialogueDecision.Conflict("Phiên đối thoại chưa bắt đầu."),
        SessionStatus.Ended => DialogueDecision.Conflict("Phiên đối thoại đã kết thúc."),
        _ => null,
    };

    public static DialogueDecision? Moderator(Participant actor) =>
        actor.IsModerator ? null : DialogueDecision.Forbidden("Chỉ người điều hành phiên mới được làm việc này.");

    /// <summary>Trimmed text that is neither empty nor longer than <paramref name="max"/>.</summary>
    public static DialogueDecision? Text(string? text, int max, string field) =>
        string.IsNullOrWhiteSpace(text) ? DialogueDecision.Invalid(field, "Nội dung không được để trống.")
        : text.Trim().Length > max ? DialogueDecision.Invalid(field, $"Nội dung dài quá {max} ký tự.")
        : null;

    public static readonly DialogueDecision NoSuchQuestion = DialogueDecision.NotFound("Không tìm thấy câu hỏi.");

    public static readonly DialogueDecision NoSuchPoll = DialogueDecision.NotFound("Không tìm thấy cuộc thăm dò.");
}

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>Checks shared by the decide functions; each returns the refusal, or null when the rule holds.</summary>
internal static class Rules
{
    public static Decision? Live(DialogueSession session) => session.Status switch
    {
        SessionStatus.Scheduled => Decision.Conflict("Phiên đối thoại chưa bắt đầu."),
        SessionStatus.Ended => Decision.Conflict("Phiên đối thoại đã kết thúc."),
        _ => null,
    };

    public static Decision? Moderator(Caller actor) =>
        actor.IsModerator ? null : Decision.Forbid("Chỉ người điều hành phiên mới được làm việc này.");

    /// <summary>Trimmed text that is neither empty nor longer than <paramref name="max"/>.</summary>
    public static Decision? Text(string? text, int max, string field) =>
        string.IsNullOrWhiteSpace(text) ? Decision.Invalid(field, "Nội dung không được để trống.")
        : text.Trim().Length > max ? Decision.Invalid(field, $"Nội dung dài quá {max} ký tự.")
        : null;

    public static readonly Decision NoSuchQuestion = Decision.NotFound("Không tìm thấy câu hỏi.");

    public static readonly Decision NoSuchPoll = Decision.NotFound("Không tìm thấy cuộc thăm dò.");
}

namespace Nq45Consult.Consultation.Feedback.Submitting;

/// <summary>An expert's critique of one section of the current draft (or of the draft as a whole when the anchor is null).</summary>
public sealed record SubmitFeedback(Guid FeedbackId, string? SectionAnchor, FeedbackInput Input, Participant Author)
{
    public static Decision Decide(FeedbackTarget target, SubmitFeedback command, DateTimeOffset now)
    {
        if (!target.Admits(command.Author))
            return Decision.Forbid(command.Author.IsExpert
                ? "Đợt lấy ý kiến này chỉ dành cho chuyên gia được mời."
                : "Chỉ chuyên gia mới gửi góp ý; quản trị viên và cán bộ chỉ xem.");
        if (!target.IsOpen) return Decision.Conflict(FeedbackTarget.NotOpenReason(target.Status));

        var errors = new Dictionary<string, string[]>();
        string? sectionText = null;
        if (command.SectionAnchor is { } anchor)
        {
            var section = target.Section(anchor);
            if (section is null) return Decision.Invalid("sectionAnchor", $"Dự thảo không có mục \"{anchor}\".");
            sectionText = section.Text;
        }
        var content = FeedbackContent.From(command.Input, sectionText, errors);
        if (content is null) return Decision.Invalid(errors);
        return Decision.Accept(new FeedbackSubmitted(
            command.FeedbackId, target.ConsultationId, target.Version, command.SectionAnchor, content, command.Author.Snapshot(), now));
    }
}

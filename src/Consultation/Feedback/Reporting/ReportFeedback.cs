namespace Nq45Consult.Consultation.Feedback.Reporting;

/// <summary>An expert flags an item for the moderators, with a reason; once per expert and item.</summary>
public sealed record ReportFeedback(Guid FeedbackId, string? Reason, Participant Reporter)
{
    public const int MaxReasonLength = 2_000;

    public static FeedbackDecision Decide(FeedbackState item, ReportFeedback command, DateTimeOffset now)
    {
        if (!command.Reporter.IsExpert) return FeedbackDecision.Forbid("Chỉ chuyên gia mới báo cáo vi phạm.");
        if (item.Withdrawn || item.Hidden) return FeedbackDecision.NotFound("Không tìm thấy góp ý.");
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(command.Reason, "reason", MaxReasonLength, required: true, "Lý do báo cáo", errors);
        if (errors.Count > 0) return FeedbackDecision.Invalid(errors);
        if (item.ReportedBy.Contains(command.Reporter.UserName)) return FeedbackDecision.Conflict("Bạn đã báo cáo góp ý này.");
        return FeedbackDecision.Accept(new FeedbackReported(item.Id, command.Reason!, command.Reporter.UserName, now));
    }
}

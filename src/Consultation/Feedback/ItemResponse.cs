namespace Nq45Consult.Consultation.Feedback;

/// <summary>The current response of an item, as its document carries it.</summary>
public sealed record ItemResponse(ResponseDecision Decision, string? Explanation, string RespondedBy, DateTimeOffset RespondedAt)
{
    public static ItemResponse Of(FeedbackResponded e) => new(e.Decision, e.Explanation, e.RespondedBy, e.RespondedAt);
}

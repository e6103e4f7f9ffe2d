using Marten;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Recommendations.Answering;

/// <summary>An official of the agency it is routed to answers a recommendation on that agency's behalf; the answer is published with it, once.</summary>
public sealed record AnswerRecommendation(Guid RecommendationId, string? Answer, Caller Official)
{
    public static Decision Decide(Recommendation? recommendation, AnswerRecommendation command, DateTimeOffset now)
    {
        if (!command.Official.IsOfficial) return Decision.Forbid("Chỉ cán bộ cơ quan mới trả lời kiến nghị.");
        if (recommendation is null) return Decision.NotFound(RecommendationChange.NotFound);
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(command.Answer, "answer", Recommendation.MaxAnswerLength, required: true, "Nội dung trả lời", errors);
        if (errors.Count > 0) return Decision.Invalid(errors);
        if (recommendation.Hidden) return Decision.Conflict("Kiến nghị đang bị ẩn.");
        if (recommendation.Agency is null) return Decision.Conflict("Kiến nghị chưa được chuyển tới cơ quan nào.");
        if (!recommendation.AnsweredBy(command.Official)) return Decision.Forbid(RecommendationText.NotYourAgency);
        if (recommendation.Answer is not null) return Decision.Conflict("Kiến nghị đã được trả lời.");
        return Decision.Accept(new RecommendationAnswered(recommendation.Id, command.Answer!, command.Official.UserName, now));
    }
}

public sealed class AnswerRecommendationHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(AnswerRecommendation command, CancellationToken cancellation) =>
        RecommendationChange.Run(store, command.RecommendationId, r => AnswerRecommendation.Decide(r, command, time.GetUtcNow()), cancellation);
}

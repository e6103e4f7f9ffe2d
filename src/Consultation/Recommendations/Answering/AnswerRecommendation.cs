using Marten;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Recommendations.Answering;

/// <summary>An official of the agency it is routed to answers a recommendation on that agency's behalf; the answer is published with it, once.</summary>
public sealed record AnswerRecommendation(Guid RecommendationId, string? Answer, Caller Official)
{
    public static Decision Decide(Recommendation? recommendation, AnswerRecommendation command, DateTimeOffset now)
    {
        if (!command.Official.IsOfficial) return Decision.Forbid(DomainText.RecommendationAnswerOfficialsOnly);
        if (recommendation is null) return Decision.NotFound(RecommendationChange.NotFound);
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(command.Answer, "answer", Recommendation.MaxAnswerLength, required: true, DomainText.LabelAnswerText, errors);
        if (errors.Count > 0) return Decision.Invalid(errors);
        if (recommendation.Hidden) return Decision.Conflict(DomainText.RecommendationHidden);
        if (recommendation.Agency is null) return Decision.Conflict(DomainText.RecommendationNotRouted);
        if (!recommendation.AnsweredBy(command.Official)) return Decision.Forbid(DomainText.RecommendationNotYourAgency);
        if (recommendation.Answer is not null) return Decision.Conflict(DomainText.RecommendationAnswered);
        return Decision.Accept(new RecommendationAnswered(recommendation.Id, command.Answer!, command.Official.UserName, now));
    }
}

public sealed class AnswerRecommendationHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(AnswerRecommendation command, CancellationToken cancellation) =>
        RecommendationChange.Run(store, command.RecommendationId, r => AnswerRecommendation.Decide(r, command, time.GetUtcNow()), cancellation);
}

using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Recommendations.Routing;

/// <summary>
/// A moderator sends a recommendation to the agency responsible for it, named in free text until agencies exist as
/// records; the agency then has <see cref="RecommendationsOptions.AnswerDays"/> days to answer. Routing again (before
/// the answer) moves it to another agency with a new deadline.
/// </summary>
public sealed record RouteRecommendation(Guid RecommendationId, string? Agency, Caller Moderator)
{
    public static Decision Decide(Recommendation? recommendation, RouteRecommendation command, int answerDays, DateTimeOffset now)
    {
        if (!command.Moderator.IsModerator) return Decision.Forbid(DomainText.RecommendationRouteModeratorsOnly);
        if (recommendation is null) return Decision.NotFound(RecommendationChange.NotFound);
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(command.Agency, "agency", Recommendation.MaxAgencyLength, required: true, DomainText.LabelReceivingAgency, errors);
        if (errors.Count > 0) return Decision.Invalid(errors);
        if (recommendation.Hidden) return Decision.Conflict(DomainText.RecommendationHidden);
        if (recommendation.Answer is not null) return Decision.Conflict(DomainText.RecommendationAnswered);
        var agency = command.Agency!.Trim();
        if (recommendation.Agency == agency) return Decision.Nothing;
        return Decision.Accept(new RecommendationRouted(recommendation.Id, agency, now.AddDays(answerDays), command.Moderator.UserName, now));
    }
}

public sealed class RouteRecommendationHandler(IDocumentStore store, TimeProvider time, IOptions<RecommendationsOptions> options)
{
    public Task<Decision> Handle(RouteRecommendation command, CancellationToken cancellation) =>
        RecommendationChange.Run(store, command.RecommendationId, r => RouteRecommendation.Decide(r, command, options.Value.AnswerDays, time.GetUtcNow()), cancellation);
}

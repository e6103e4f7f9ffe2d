using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.Agencies;

namespace Nq45Consult.Consultation.Recommendations.Routing;

/// <summary>
/// A moderator sends a recommendation to the agency responsible for it (an agency record, not retired); that agency's
/// officials then have <see cref="RecommendationsOptions.AnswerDays"/> days to answer. Routing again (before the
/// answer) moves it to another agency with a new deadline.
/// </summary>
public sealed record RouteRecommendation(Guid RecommendationId, Guid? AgencyId, Caller Moderator)
{
    /// <param name="agency">The agency <see cref="AgencyId"/> names, as loaded; null when there is none.</param>
    public static Decision Decide(Recommendation? recommendation, Agency? agency, RouteRecommendation command, int answerDays, DateTimeOffset now)
    {
        if (!command.Moderator.IsModerator) return Decision.Forbid(DomainText.RecommendationRouteModeratorsOnly);
        if (recommendation is null) return Decision.NotFound(RecommendationChange.NotFound);
        if (command.AgencyId is not { } agencyId || agencyId == Guid.Empty) return Decision.Invalid("agencyId", DomainText.RecommendationAgencyRequired);
        if (agency is null || agency.Id != agencyId) return Decision.Invalid("agencyId", DomainText.AgencyUnknown);
        if (agency.Retired) return Decision.Invalid("agencyId", DomainText.RecommendationAgencyRetired(agency.Name));
        if (recommendation.Hidden) return Decision.Conflict(DomainText.RecommendationHidden);
        if (recommendation.Answer is not null) return Decision.Conflict(DomainText.RecommendationAnswered);
        if (recommendation.AgencyId == agency.Id) return Decision.Nothing;
        return Decision.Accept(new RecommendationRouted(recommendation.Id, agency.Name, now.AddDays(answerDays), command.Moderator.UserName, now, agency.Id));
    }
}

public sealed class RouteRecommendationHandler(IDocumentStore store, AgencyQueries agencies, TimeProvider time, IOptions<RecommendationsOptions> options)
{
    public async Task<Decision> Handle(RouteRecommendation command, CancellationToken cancellation)
    {
        var agency = command.AgencyId is { } id && id != Guid.Empty ? await agencies.Find(id, cancellation) : null;
        return await RecommendationChange.Run(store, command.RecommendationId,
            r => RouteRecommendation.Decide(r, agency, command, options.Value.AnswerDays, time.GetUtcNow()), cancellation);
    }
}

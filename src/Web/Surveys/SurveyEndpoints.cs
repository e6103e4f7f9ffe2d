using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Surveys;
using Nq45Consult.Consultation.Surveys.Answering;
using Nq45Consult.Consultation.Surveys.Defining;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.Surveys;

/// <summary>The survey routes of api-v1.md.</summary>
public static class SurveyEndpoints
{
    public static WebApplication MapSurveys(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<IOptions<FeedbackOptions>>().Value.MaxRequestBytes;
        var api = app.MapGroup("/api/consultations/{id:guid}/survey").WithTags("Surveys")
            .WithMetadata(new RequestSizeLimitAttribute(limit), new BodyLimit(limit));
        api.MapPut("", Define).RequireAuthorization(Policies.Moderate)
            .WithName("DefineSurvey").WithSummary("Sets the survey's questions (frozen once answered) and whether results become public after closing.");
        api.MapGet("", Get).WithName("GetSurvey").WithSummary("The survey's questions, in their fixed order.");
        api.MapPost("/responses", Answer).RequireAuthorization(Policies.GiveFeedback)
            .WithName("AnswerSurvey").WithSummary("An expert answers the survey; a second response replaces the first.");
        api.MapGet("/results", Results)
            .WithName("SurveyResults").WithSummary("Counts, percentages, means and distributions per question; free text without authors.");
        return app;
    }

    private static async Task<IResult> Define(Guid id, SurveyRequest request, HttpContext http, DefineSurveyHandler handler, SurveyQueries queries, CancellationToken cancellation)
    {
        var moderator = SignedInCaller.Of(http.User).UserName;
        var decision = await handler.Handle(new DefineSurvey(id, request.Questions, request.ResultsPublic ?? false, moderator), cancellation);
        if (!decision.Accepted) return DecisionProblems.From(decision);
        return TypedResults.Ok(SurveyView.Of((await queries.Find(id, cancellation))!));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, SurveyQueries queries, CancellationToken cancellation)
    {
        var (consultation, survey) = await queries.Visible(id, CallerClaims.From(http.User), cancellation);
        if (consultation is null) return NotFound("ApiConsultationNotFound");
        return survey is null ? NotFound("ApiNoSurvey") : TypedResults.Ok(SurveyView.Of(survey));
    }

    private static async Task<IResult> Answer(Guid id, AnswersRequest request, HttpContext http, AnswerSurveyHandler handler, CancellationToken cancellation)
    {
        var outcome = await handler.Handle(new AnswerSurvey(id, request.Answers, SignedInCaller.Of(http.User)), cancellation);
        if (!outcome.Decision.Accepted) return DecisionProblems.From(outcome.Decision);
        var saved = new ResponseSaved(outcome.ResponseId, outcome.Version);
        return outcome.Version == 1 ? TypedResults.Created($"/api/consultations/{id}/survey/results", saved) : TypedResults.Ok(saved);
    }

    private static async Task<IResult> Results(Guid id, HttpContext http, SurveyQueries queries, CancellationToken cancellation)
    {
        var caller = CallerClaims.From(http.User);
        var (consultation, survey) = await queries.Visible(id, caller, cancellation);
        if (consultation is null) return NotFound("ApiConsultationNotFound");
        if (survey is null) return NotFound("ApiNoSurvey");
        if (!SurveyQueries.MaySeeResults(consultation, survey, caller))
            return caller is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: ApiText.Of("ApiSignInNeeded"), detail: ApiText.Of("ApiSurveyResultsNotPublic"))
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: ApiText.Of("ApiForbidden"), detail: ApiText.Of("ApiSurveyResultsNotPublic"));
        return TypedResults.Ok(SurveyResultsView.Of(id, await queries.Results(survey, cancellation)));
    }

    private static IResult NotFound(string titleKey) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ApiText.Of(titleKey));
}

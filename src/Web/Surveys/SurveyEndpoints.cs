using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
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

    private static async Task<IResult> Define(Guid id, SurveyRequest request, HttpContext http, SurveyCommands commands, IQuerySession session, CancellationToken cancellation)
    {
        var moderator = Reader.Of(http.User).Participant.UserName;
        var outcome = await commands.Define(new DefineSurvey(id, request.Questions, request.ResultsPublic ?? false, moderator), cancellation);
        if (!outcome.Decision.Accepted) return FeedbackResults.Refused(outcome);
        var survey = await session.LoadAsync<Survey>(id, cancellation);
        return TypedResults.Ok(SurveyView.Of(survey!));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var (consultation, survey) = await SurveyAccess.Load(session, id, cancellation);
        if (consultation is null || !SurveyAccess.MaySeeSurvey(consultation, Reader.Of(http.User))) return NotFound("Không tìm thấy đợt lấy ý kiến");
        return survey is null ? NotFound("Đợt lấy ý kiến này không có phiếu khảo sát") : TypedResults.Ok(SurveyView.Of(survey));
    }

    private static async Task<IResult> Answer(Guid id, AnswersRequest request, HttpContext http, SurveyCommands commands, CancellationToken cancellation)
    {
        var outcome = await commands.Answer(new AnswerSurvey(id, request.Answers, Reader.Of(http.User).Participant), cancellation);
        if (!outcome.Decision.Accepted) return FeedbackResults.Refused(outcome);
        var saved = new ResponseSaved(outcome.Id, outcome.Version);
        return outcome.Version == 1 ? TypedResults.Created($"/api/consultations/{id}/survey/results", saved) : TypedResults.Ok(saved);
    }

    private static async Task<IResult> Results(Guid id, HttpContext http, IQuerySession session, SurveyQueries queries, CancellationToken cancellation)
    {
        var reader = Reader.Of(http.User);
        var (consultation, survey) = await SurveyAccess.Load(session, id, cancellation);
        if (consultation is null || !SurveyAccess.MaySeeSurvey(consultation, reader)) return NotFound("Không tìm thấy đợt lấy ý kiến");
        if (survey is null) return NotFound("Đợt lấy ý kiến này không có phiếu khảo sát");
        if (!SurveyAccess.MaySeeResults(consultation, survey, reader))
            return reader.User is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Cần đăng nhập", detail: "Kết quả khảo sát chưa được công khai.")
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Không được phép", detail: "Kết quả khảo sát chưa được công khai.");
        return TypedResults.Ok(SurveyResultsView.Of(id, await queries.Results(survey, cancellation)));
    }

    private static IResult NotFound(string title) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title);
}

using Microsoft.AspNetCore.Http.HttpResults;

namespace Nq45Consult.Web.Shell;

/// <summary>
/// The one translation of a refused <see cref="Decision"/> into ProblemDetails: 400 naming the fields, 403, 404,
/// 409 for a rule the current state forbids, 413 for size.
/// </summary>
public static class DecisionProblems
{
    public static ProblemHttpResult From(Decision decision) => decision.Refusal switch
    {
        Refusal.Invalid => Fields(decision, StatusCodes.Status400BadRequest, ApiText.Of("ApiInvalid")),
        Refusal.TooLarge => Fields(decision, StatusCodes.Status413PayloadTooLarge, ApiText.Of("ApiTooLarge")),
        Refusal.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: ApiText.Of("ApiForbidden"), detail: decision.Reason),
        Refusal.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ApiText.Of("ApiNotFound"), detail: decision.Reason),
        Refusal.Conflict when decision.Errors.Count > 0 => Fields(decision, StatusCodes.Status409Conflict, ApiText.Of("ApiConflict"), decision.Reason),
        Refusal.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: ApiText.Of("ApiConflict"), detail: decision.Reason),
        _ => throw new ArgumentException("An accepted decision is not a problem.", nameof(decision)),
    };

    private static ProblemHttpResult Fields(Decision decision, int status, string title, string? detail = null) =>
        TypedResults.Problem(new HttpValidationProblemDetails(decision.Errors.ToDictionary()) { Status = status, Title = title, Detail = detail });
}

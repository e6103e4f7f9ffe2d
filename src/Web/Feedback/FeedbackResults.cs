using System.Net.Http.Headers;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Feedback;

/// <summary>Turns refused feedback commands into ProblemDetails answers, and reads the <c>If-Match</c> version.</summary>
public static class FeedbackResults
{
    public static IResult Refused(FeedbackOutcome outcome)
    {
        if (outcome.Stale)
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: ApiText.Of("ApiStale"), detail: outcome.Decision.Reason);
        return DecisionProblems.From(outcome.Decision);
    }

    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>The stream version in <c>If-Match: "&lt;version&gt;"</c>; null when absent, an error result when malformed.</summary>
    public static (long? Version, IResult? Error) IfMatch(HttpRequest request, bool required)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
            return required
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: ApiText.Of("ApiIfMatchMissing"),
                    detail: ApiText.Of("ApiIfMatchMissingDetail")))
                : (null, null);
        if (EntityTagHeaderValue.TryParse(header, out var tag) && !tag.IsWeak
            && long.TryParse(tag.Tag.Trim('"'), out var version) && version > 0)
            return (version, null);
        return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["If-Match"] = [ApiText.Of("ApiIfMatchShape")],
        }));
    }

    public static IResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: ApiText.Of("ApiTooLarge"),
        detail: ApiText.Of("ApiTooLargeDetail", limit));
}

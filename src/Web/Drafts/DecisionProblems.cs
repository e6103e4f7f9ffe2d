using Microsoft.AspNetCore.Http.HttpResults;
using Nq45Consult.Consultation.Drafts.Consultations;

namespace Nq45Consult.Web.Drafts;

/// <summary>Translates a refused decision into ProblemDetails: 409 for a rule (naming the field when one caused it), 413 for size, 400 naming the fields.</summary>
public static class DecisionProblems
{
    public static ProblemHttpResult From(Decision decision)
    {
        if (decision.Conflict is not null && decision.Errors.Count > 0)
            // A conflict caused by one field (a user name already taken): 409, and the field named like a 400.
            return TypedResults.Problem(new HttpValidationProblemDetails(decision.Errors.ToDictionary())
            {
                Status = StatusCodes.Status409Conflict, Title = "Thao tác không hợp lệ ở trạng thái hiện tại.", Detail = decision.Conflict,
            });
        if (decision.Conflict is not null)
            return TypedResults.Problem(title: "Thao tác không hợp lệ ở trạng thái hiện tại.", detail: decision.Conflict, statusCode: StatusCodes.Status409Conflict);
        var status = decision.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
        return TypedResults.Problem(new HttpValidationProblemDetails(decision.Errors.ToDictionary())
        {
            Status = status,
            Title = decision.TooLarge ? "Dự thảo quá lớn." : "Dữ liệu không hợp lệ.",
        });
    }
}

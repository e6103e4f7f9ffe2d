using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Search;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Search;

/// <summary><c>GET /api/search</c>: translation only (docs/search.md).</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search).WithTags("Search").WithName("Search")
            .WithSummary("Published drafts, feedback and responses the caller may read, ranked; diacritics optional; matches in <mark>.");
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(
        string? q, string? kind, string? consultation, string? status, string? field, string? page, string? pageSize,
        ClaimsPrincipal user, SearchQueries search, IOptions<ConsultationOptions> options, CancellationToken cancellation)
    {
        var (request, errors) = SearchRequest.Parse(q, kind, consultation, status, field, page, pageSize, options.Value.AllowedFields);
        if (request is null) return DecisionProblems.From(Decision.Invalid(errors));
        return TypedResults.Ok(SearchResponse.Of(await search.Search(request, CallerClaims.From(user), cancellation)));
    }
}

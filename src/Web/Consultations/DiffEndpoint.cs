using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Drafts.Diffing;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Consultations;

public sealed record DiffResponse(int From, int To, IReadOnlyList<SectionDiff> Sections);

/// <summary><c>GET /api/consultations/{id}/versions/{v}/diff/{w}</c>: kinds added | removed | changed | unchanged.</summary>
public static class DiffEndpoint
{
    public static async Task<Results<Ok<DiffResponse>, NotFound>> Diff(
        string id, int version, int other, ClaimsPrincipal user, ConsultationQueries queries, CancellationToken cancellation)
    {
        var consultation = await queries.Visible(id, CallerClaims.From(user), cancellation);
        var diff = consultation is null ? null : await queries.Diff(consultation.Id, version, other, cancellation);
        return diff is null ? TypedResults.NotFound() : TypedResults.Ok(new DiffResponse(version, other, diff));
    }
}

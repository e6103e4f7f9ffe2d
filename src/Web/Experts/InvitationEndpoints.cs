using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Invitations;
using Nq45Consult.Consultation.Invitations.Inviting;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Consultations;

namespace Nq45Consult.Web.Experts;

/// <summary>
/// Who was invited and who answered, and invitations to a live session (which admits whoever its consultation
/// invited, so they invite to the consultation). Inviting to a consultation is <c>POST /api/consultations/{id}/invitations</c>.
/// </summary>
public static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/consultations/{id}/invitations", Responses).WithTags("Consultations").RequireAuthorization(Policies.Moderate)
            .WithName("InvitationResponses").WithSummary("Every invited expert, when and by whom invited, and the feedback each has given.");
        app.MapPost("/api/sessions/{id:guid}/invitations", InviteToSession).WithTags("Dialogue").RequireAuthorization(Policies.Moderate)
            .WithName("InviteToSession")
            .WithSummary("Invite experts to a live session, as to its consultation: by user name, field(s), association(s) or saved filter(s); people by e-mail address or registry profile id (their e-mail links to the session).");
        return app;
    }

    public sealed record InvitationsView(int Invited, int Responded, IReadOnlyList<InvitationResponse> Experts);

    private static async Task<Results<Ok<InvitationsView>, NotFound>> Responses(
        string id, ConsultationQueries queries, InvitationResponses responses, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var experts = await responses.Of(consultation.Id, cancellation);
        return TypedResults.Ok(new InvitationsView(experts.Count, experts.Count(e => e.Responded), experts));
    }

    private static async Task<Results<Ok<ConsultationResponse>, NotFound, ProblemHttpResult>> InviteToSession(
        Guid id, InvitationRequest request, ClaimsPrincipal user, DialogueSessions sessions, InvitePeopleHandler invite,
        ConsultationQueries queries, CancellationToken cancellation)
    {
        var session = await sessions.Known(id, cancellation);
        if (session is null) return TypedResults.NotFound();
        return await ConsultationEndpoints.Run(session.ConsultationId.ToString(), queries, cancellation,
            consultationId => invite.Handle(request.ToCommand(consultationId, id, CallerClaims.From(user)!), cancellation));
    }
}

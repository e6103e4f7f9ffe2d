using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Invitations;
using Nq45Consult.Consultation.Invitations.Accepting;
using Nq45Consult.Consultation.Invitations.Managing;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Invitations;

/// <summary>Accepting an e-mailed invitation, without an account (the token is the proof); e-mailed invitations as moderators follow them.</summary>
/// <param name="AcceptTerms">Calling this route accepts the terms of use; a client may send <c>false</c> to say its person did not.</param>
public sealed record AcceptInvitationRequest(string? Token, string? UserName, string? Password, bool? ConsentToAppearByName, string? FullName = null, bool? AcceptTerms = null)
{
    public AcceptInvitation ToCommand() => new(Token, UserName, Password, FullName, ConsentToAppearByName, AcceptTerms ?? true);
}

public static class InvitationByEmailEndpoints
{
    public static IEndpointRouteBuilder MapInvitationByEmailEndpoints(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.IsEntraId)
            app.MapPost("/api/auth/invitations/accept", Accept).WithTags("Accounts").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
                .WithName("AcceptInvitation")
                .WithSummary("Creates the invited person's account from the e-mailed token (single use): expert role, invited to the consultation; returns a bearer token.");
        app.MapGet("/api/consultations/{id}/email-invitations", List).WithTags("Consultations").RequireAuthorization(Policies.Moderate)
            .WithName("EmailInvitations").WithSummary("Every invitation sent by e-mail to the consultation or its sessions: sent, opened, account created, took part; how many are still queued.");
        app.MapPost("/api/email-invitations/{id:guid}/resend", Resend).WithTags("Consultations").RequireAuthorization(Policies.Moderate)
            .WithName("ResendInvitation").WithSummary("Sends the invitation's e-mail again with a new link; the old link stops working.");
        app.MapPost("/api/email-invitations/{id:guid}/revoke", Revoke).WithTags("Consultations").RequireAuthorization(Policies.Moderate)
            .WithName("RevokeInvitation").WithSummary("Withdraws the invitation: its link stops working.");
        return app;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Accept(
        AcceptInvitationRequest request, AcceptInvitationHandler accept, CancellationToken cancellation)
    {
        var outcome = await accept.Handle(request.ToCommand(), cancellation);
        if (outcome.Account is null) return DecisionProblems.From(outcome.Decision);
        return TypedResults.SignIn(CallerClaims.PrincipalOf(outcome.Account, AuthSchemes.LocalBearer), authenticationScheme: AuthSchemes.LocalBearer);
    }

    private static async Task<Results<Ok<InvitationList>, NotFound>> List(
        string id, ClaimsPrincipal user, ConsultationQueries consultations, InvitationQueries invitations, CancellationToken cancellation)
    {
        var consultation = await consultations.Find(id, cancellation);
        var list = consultation is null ? null : await invitations.Of(consultation.Id, CallerClaims.From(user), cancellation);
        return list is null ? TypedResults.NotFound() : TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<EmailInvitation>, ProblemHttpResult>> Resend(
        Guid id, ClaimsPrincipal user, InvitationChange change, CancellationToken cancellation) =>
        Answer(await change.Handle(new ResendInvitation(id, CallerClaims.From(user)!), cancellation));

    private static async Task<Results<Ok<EmailInvitation>, ProblemHttpResult>> Revoke(
        Guid id, ClaimsPrincipal user, InvitationChange change, CancellationToken cancellation) =>
        Answer(await change.Handle(new RevokeInvitation(id, CallerClaims.From(user)!), cancellation));

    private static Results<Ok<EmailInvitation>, ProblemHttpResult> Answer(InvitationOutcome outcome) =>
        outcome.Decision.Accepted ? TypedResults.Ok(outcome.Invitation!) : DecisionProblems.From(outcome.Decision);
}

using Microsoft.AspNetCore.Mvc;
using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Cases.Accepting;
using Nq45Consult.Consultation.Cases.AnsweringAppointment;
using Nq45Consult.Consultation.Cases.Appointing;
using Nq45Consult.Consultation.Cases.Declining;
using Nq45Consult.Consultation.Cases.Documents;
using Nq45Consult.Consultation.Cases.LinkingSession;
using Nq45Consult.Consultation.Cases.RecordingAnswer;
using Nq45Consult.Consultation.Cases.Requesting;
using Nq45Consult.Consultation.Cases.SendingReport;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Attachments;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.Cases;

/// <summary>The case routes: api-v1.md's two and the Union's, the council's and the agency's ones (docs/critique.md).</summary>
public static class CaseEndpoints
{
    /// <summary>Room for an answer of many explained recommendations in any encoding.</summary>
    private const long MaxRequestBytes = 512 * 1024;

    public static WebApplication MapCaseEndpoints(this WebApplication app)
    {
        var limits = new object[] { new RequestSizeLimitAttribute(MaxRequestBytes), new BodyLimit(MaxRequestBytes) };
        var api = app.MapGroup("/api/cases").WithTags("Cases").WithMetadata(limits);
        api.MapGet("/", List)
            .WithName("ListCases").WithSummary("The cases the caller may see: their agency's, the councils they sit on, all for moderators and admins, answered public ones for anyone.");
        api.MapPost("/", Request).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("RequestCase").WithSummary("An agency's request for advice, critique or assessment: an official's for their agency, or a moderator's naming it (agencyId).");
        api.MapGet("/{id:guid}", Get)
            .WithName("GetCase").WithSummary("The case with its council, report, answer and timeline; 404 to anyone not involved until its answer is public.");
        api.MapPost("/{id:guid}/accept", Accept).RequireAuthorization(Policies.Moderate)
            .WithName("AcceptCase").WithSummary("The Union takes the request on.");
        api.MapPost("/{id:guid}/decline", Decline).RequireAuthorization(Policies.Moderate)
            .WithName("DeclineCase").WithSummary("The Union declines the request with a reason; the requester is told.");
        api.MapGet("/{id:guid}/candidates", Candidates).RequireAuthorization(Policies.Moderate)
            .WithName("CouncilCandidates").WithSummary("Experts of the registry with an account (q: name or field), each with their declaration for the case's consultation.");
        api.MapPost("/{id:guid}/council", Appoint).RequireAuthorization(Policies.Moderate)
            .WithName("AppointCouncilMember").WithSummary("Puts an expert on the council in a role; their declaration is recorded, they are invited.");
        api.MapPost("/{id:guid}/council/{memberId:guid}/accept", AcceptSeat).RequireAuthorization()
            .WithName("AcceptCouncilSeat").WithSummary("The expert appointed accepts their seat.");
        api.MapPost("/{id:guid}/council/{memberId:guid}/decline", DeclineSeat).RequireAuthorization()
            .WithName("DeclineCouncilSeat").WithSummary("The expert appointed declines their seat (a reason is optional); the seat is free for another.");
        api.MapPost("/{id:guid}/session", LinkSession).RequireAuthorization(Policies.Moderate)
            .WithName("LinkCaseSession").WithSummary("Names the live session of the case's consultation that is the council's meeting.");
        api.MapPost("/{id:guid}/report", SendReport).RequireAuthorization(Policies.Moderate)
            .WithName("SendCaseReport").WithSummary("Sends the consultation's critique report to the agency (notification and e-mail to its officials).");
        api.MapPost("/{id:guid}/answer", Answer).RequireAuthorization(Policies.Respond)
            .WithName("RecordAgencyAnswer").WithSummary("The agency's answer, by its official: accepted, partly or not, with an explanation, per recommendation of the report.");
        app.MapAttachmentUpload("/api/cases", CaseAttachments.OwnerKind).WithTags("Cases")
            .WithName("AttachToCase").WithSummary("The requesting agency's official or a moderator attaches a document of the request (PDF or DOCX, multipart \"file\") until the case is declined.");
        return app;
    }

    private static Caller CallerOf(HttpContext http) =>
        CallerClaims.From(http.User) ?? throw new InvalidOperationException("The route requires sign-in.");

    private static async Task<IResult> List(HttpContext http, CaseQueries queries, CancellationToken cancellation) =>
        TypedResults.Ok((await queries.List(CallerClaims.From(http.User), cancellation)).Select(CaseSummaryView.Of).ToList());

    private static async Task<IResult> Request(CaseRequest request, HttpContext http, RequestCaseHandler handler, CancellationToken cancellation)
    {
        var outcome = await handler.Handle(new RequestCase(
            request.Kind, request.Subject, request.ConsultationId, request.DueAt, request.AgencyId, request.PublishAnswer, CallerOf(http)), cancellation);
        return outcome.Decision.Accepted
            ? TypedResults.Created($"/api/cases/{outcome.Id}", new CaseCreated(outcome.Id))
            : DecisionProblems.From(outcome.Decision);
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, CaseQueries queries, CancellationToken cancellation)
    {
        if (await queries.Find(id, CallerClaims.From(http.User), cancellation) is not { } reading) return NotFound();
        return TypedResults.Ok(CaseView.Of(reading) with { Attachments = [.. (await queries.Documents(reading, cancellation)).Select(AttachmentView.Of)] });
    }

    private static async Task<IResult> Candidates(Guid id, string? q, HttpContext http, CaseQueries queries, CancellationToken cancellation)
    {
        var caller = CallerOf(http);
        if (await queries.Find(id, caller, cancellation) is not { } reading) return NotFound();
        return TypedResults.Ok((await queries.Candidates(reading.Case, caller, q, cancellation)).Select(CouncilCandidateView.Of).ToList());
    }

    private static async Task<IResult> Accept(Guid id, HttpContext http, AcceptCaseHandler handler, CancellationToken cancellation) =>
        Answered(await handler.Handle(new AcceptCase(id, CallerOf(http)), cancellation));

    private static async Task<IResult> Decline(Guid id, CaseDeclineRequest request, HttpContext http, DeclineCaseHandler handler, CancellationToken cancellation) =>
        Answered(await handler.Handle(new DeclineCase(id, request.Reason, CallerOf(http)), cancellation));

    private static async Task<IResult> Appoint(Guid id, CouncilAppointmentRequest request, HttpContext http, AppointCouncilMemberHandler handler, CancellationToken cancellation)
    {
        var outcome = await handler.Handle(new AppointCouncilMember(id, request.ProfileId, request.Role, CallerOf(http)), cancellation);
        return outcome.Decision.Accepted
            ? TypedResults.Created($"/api/cases/{id}", new CaseCreated(outcome.MemberId))
            : DecisionProblems.From(outcome.Decision);
    }

    private static async Task<IResult> AcceptSeat(Guid id, Guid memberId, HttpContext http, AnswerAppointmentHandler handler, CancellationToken cancellation) =>
        Answered(await handler.Handle(new AnswerAppointment(id, memberId, true, null, CallerOf(http)), cancellation));

    private static async Task<IResult> DeclineSeat(Guid id, Guid memberId, SeatDeclineRequest? request, HttpContext http, AnswerAppointmentHandler handler, CancellationToken cancellation) =>
        Answered(await handler.Handle(new AnswerAppointment(id, memberId, false, request?.Reason, CallerOf(http)), cancellation));

    private static async Task<IResult> LinkSession(Guid id, CaseSessionRequest request, HttpContext http, LinkCaseSessionHandler handler, CancellationToken cancellation) =>
        Answered(await handler.Handle(new LinkCaseSession(id, request.SessionId, CallerOf(http)), cancellation));

    private static async Task<IResult> SendReport(Guid id, HttpContext http, SendCaseReportHandler handler, CancellationToken cancellation) =>
        Answered(await handler.Handle(new SendCaseReport(id, CallerOf(http)), cancellation));

    private static async Task<IResult> Answer(Guid id, AgencyAnswerRequest request, HttpContext http, RecordAgencyAnswerHandler handler, CancellationToken cancellation) =>
        Answered(await handler.Handle(new RecordAgencyAnswer(id, request.Answers, CallerOf(http)), cancellation));

    private static IResult NotFound() => DecisionProblems.From(Decision.NotFound(DomainText.CaseNotFound));

    private static IResult Answered(Decision decision) => decision.Accepted ? TypedResults.Ok() : DecisionProblems.From(decision);
}

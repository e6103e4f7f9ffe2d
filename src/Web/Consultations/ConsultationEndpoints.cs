using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Closing;
using Nq45Consult.Consultation.Consultations.Creating;
using Nq45Consult.Consultation.Consultations.Editing;
using Nq45Consult.Consultation.Consultations.Opening;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.Consultation.Invitations.Inviting;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Consultations;

/// <summary>The consultation routes of api-v1.md: translation only, each calls one handler or one query; the rules live in the decide functions.</summary>
public static class ConsultationEndpoints
{
    /// <summary>Room for a 2 MB draft JSON-escaped; bigger bodies are cut off with 413 before they are read.</summary>
    public const long MaxDraftBodyBytes = 6 * 1024 * 1024;

    /// <summary>The largest draft file with room for the multipart envelope and the change note.</summary>
    public const long MaxUploadBodyBytes = DraftUpload.MaxBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapConsultationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/consultations").WithTags("Consultations");
        api.MapGet("/", List).WithName("ListConsultations").WithSummary("Consultations by status; anonymous callers see only published ones.");
        api.MapGet("/{id}", Get).WithName("GetConsultation").WithSummary("A consultation (by id or slug) with its current version's sections.");
        api.MapGet("/{id}/versions/{version:int}", GetVersion).WithName("GetDraftVersion").WithSummary("One version of the draft.");
        api.MapGet("/{id}/versions/{version:int}/draft.pdf", DraftPdfEndpoint.Get).WithName("DraftVersionPdf")
            .WithSummary("One version of the draft as printed (PDF); 503 when PDF rendering is not installed or busy.");
        api.MapGet("/{id}/versions/{version:int}/diff/{other:int}", DiffEndpoint.Diff).WithName("DiffDraftVersions").WithSummary("Per-section diff between two versions, word-level for changed sections.");

        var manage = api.MapGroup("/").RequireManager();
        manage.MapPost("/", Create).WithName("CreateConsultation").WithSummary("Create a consultation in the draft state.");
        manage.MapPut("/{id}", Edit).WithName("EditConsultation").WithSummary("Edit the details of a consultation that is not closed.");
        manage.MapPost("/{id}/versions", Publish).WithName("PublishDraftVersion").WithSummary("Publish a new version of the draft from Markdown.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxDraftBodyBytes));
        manage.MapPost("/{id}/versions/upload", Upload).WithName("UploadDraftVersion")
            .WithSummary("Publish a new version of the draft from a file: multipart file (.docx, .md or .txt) and changeNote.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBodyBytes));
        manage.MapPost("/{id}/open", Open).WithName("OpenConsultation").WithSummary("Open the consultation for feedback.");
        manage.MapPost("/{id}/close", Close).WithName("CloseConsultation").WithSummary("Close the consultation.");
        manage.MapPost("/{id}/invitations", Invite).WithName("InviteExperts").WithSummary("Invite experts by user name, or from the expert registry by field(s), member association(s) or saved filter(s); people by e-mail address or registry profile id (an e-mail with a single-use link for those without an account).");
        manage.MapGet("/{id}/history", History).WithName("ConsultationHistory").WithSummary("Every event of the consultation with actor and time.");
        return app;
    }

    private static async Task<Results<Ok<List<ConsultationListItem>>, ProblemHttpResult>> List(
        string? status, ClaimsPrincipal user, ConsultationQueries queries, CancellationToken cancellation)
    {
        ConsultationStatus[] statuses;
        if (string.IsNullOrEmpty(status) || status == "all") statuses = Enum.GetValues<ConsultationStatus>();
        else if (KebabCase.TryParse<ConsultationStatus>(status, out var one)) statuses = [one];
        else return DecisionProblems.From(Decision.Invalid("status", ApiText.Of("ApiConsultationStatusOneOf")));
        var found = await queries.Visible(statuses, CallerClaims.From(user), cancellation);
        return TypedResults.Ok(found.Select(ConsultationListItem.Of).ToList());
    }

    private static async Task<Results<Ok<ConsultationResponse>, NotFound>> Get(
        string id, ClaimsPrincipal user, ConsultationQueries queries, CancellationToken cancellation)
    {
        var consultation = await queries.Visible(id, CallerClaims.From(user), cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var current = await queries.Version(consultation.Id, consultation.CurrentVersion, cancellation);
        return TypedResults.Ok(ConsultationResponse.Of(consultation, current));
    }

    private static async Task<Results<Ok<VersionResponse>, NotFound>> GetVersion(
        string id, int version, ClaimsPrincipal user, ConsultationQueries queries, CancellationToken cancellation)
    {
        var consultation = await queries.Visible(id, CallerClaims.From(user), cancellation);
        var found = consultation is null ? null : await queries.Version(consultation.Id, version, cancellation);
        return found is null ? TypedResults.NotFound() : TypedResults.Ok(VersionResponse.Of(found));
    }

    private static async Task<Results<Created<ConsultationResponse>, ProblemHttpResult>> Create(
        ConsultationRequest request, ClaimsPrincipal user, CreateConsultationHandler create, CancellationToken cancellation)
    {
        var outcome = await create.Handle(new(request.Slug, request.ToInput(), CallerClaims.From(user)!), cancellation);
        if (outcome.Consultation is null) return DecisionProblems.From(outcome.Decision!);
        return TypedResults.Created($"/api/consultations/{outcome.Consultation.Id}", ConsultationResponse.Of(outcome.Consultation, null, outcome.Decision!.Warnings));
    }

    private static Task<Results<Ok<ConsultationResponse>, NotFound, ProblemHttpResult>> Edit(
        string id, ConsultationRequest request, ClaimsPrincipal user, EditConsultationDetailsHandler edit, ConsultationQueries queries, CancellationToken cancellation) =>
        Run(id, queries, cancellation, consultationId => edit.Handle(new(consultationId, request.ToInput(), CallerClaims.From(user)!), cancellation));

    private static async Task<Results<Created<VersionResponse>, NotFound, ProblemHttpResult>> Publish(
        string id, PublishVersionRequest request, ClaimsPrincipal user, PublishDraftVersionHandler publish, ConsultationQueries queries, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var outcome = await publish.Handle(
            new(consultation.Id, DraftSections.Pasted(request.Markdown), request.ChangeNote, CallerClaims.From(user)!), cancellation);
        return Published(consultation, outcome);
    }

    /// <summary>The multipart form is read here rather than bound, so that no anti-forgery metadata applies to this token-authenticated API.</summary>
    private static async Task<Results<Created<VersionResponse>, NotFound, ProblemHttpResult>> Upload(
        string id, HttpRequest http, ClaimsPrincipal user, PublishDraftVersionHandler publish, ConsultationQueries queries, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var form = http.HasFormContentType ? await http.ReadFormAsync(cancellation) : null;
        if (form?.Files[UploadField] is not { Length: > 0 } file) return DecisionProblems.From(DraftUpload.Missing(UploadField));
        var (reading, refusal) = DraftUpload.Read(file.FileName, file.ContentType, await UploadedFile.Read(file, cancellation), UploadField);
        if (reading is null) return DecisionProblems.From(refusal!);
        var changeNote = form["changeNote"].ToString();
        var outcome = await publish.Handle(new(consultation.Id, reading, changeNote.Length > 0 ? changeNote : null, CallerClaims.From(user)!), cancellation);
        return Published(consultation, outcome);
    }

    private const string UploadField = "file";

    private static Results<Created<VersionResponse>, NotFound, ProblemHttpResult> Published(ConsultationDetails consultation, CommandOutcome outcome)
    {
        if (outcome.Decision is null) return TypedResults.NotFound();
        if (!outcome.Decision.Accepted) return DecisionProblems.From(outcome.Decision);
        var published = (DraftVersionPublished)outcome.Decision.Events[0];
        var version = new VersionResponse(published.Version, published.ChangeNote, published.PublishedAt, published.Sections);
        return TypedResults.Created($"/api/consultations/{consultation.Id}/versions/{published.Version}", version);
    }

    private static Task<Results<Ok<ConsultationResponse>, NotFound, ProblemHttpResult>> Open(
        string id, ClaimsPrincipal user, OpenConsultationHandler open, ConsultationQueries queries, CancellationToken cancellation) =>
        Run(id, queries, cancellation, consultationId => open.Handle(new(consultationId, CallerClaims.From(user)!), cancellation));

    private static Task<Results<Ok<ConsultationResponse>, NotFound, ProblemHttpResult>> Close(
        string id, ClaimsPrincipal user, CloseConsultationHandler close, ConsultationQueries queries, CancellationToken cancellation) =>
        Run(id, queries, cancellation, consultationId => close.Handle(new(consultationId, CallerClaims.From(user)!), cancellation));

    private static Task<Results<Ok<ConsultationResponse>, NotFound, ProblemHttpResult>> Invite(
        string id, InvitationRequest request, ClaimsPrincipal user, InvitePeopleHandler invite, ConsultationQueries queries, CancellationToken cancellation) =>
        Run(id, queries, cancellation, consultationId => invite.Handle(request.ToCommand(consultationId, null, CallerClaims.From(user)!), cancellation));

    private static async Task<Results<Ok<List<HistoryEntry>>, NotFound>> History(string id, ConsultationQueries queries, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        return consultation is null ? TypedResults.NotFound() : TypedResults.Ok((await queries.History(consultation.Id, cancellation)).ToList());
    }

    /// <summary>Finds the consultation, runs the decision, answers with the consultation as it now stands.</summary>
    internal static async Task<Results<Ok<ConsultationResponse>, NotFound, ProblemHttpResult>> Run(
        string id, ConsultationQueries queries, CancellationToken cancellation, Func<Guid, Task<CommandOutcome>> command)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var outcome = await command(consultation.Id);
        if (outcome.Decision is null || outcome.Consultation is null)
            return outcome.Decision is null ? TypedResults.NotFound() : DecisionProblems.From(outcome.Decision);
        var current = await queries.Version(consultation.Id, outcome.Consultation.CurrentVersion, cancellation);
        return TypedResults.Ok(ConsultationResponse.Of(outcome.Consultation, current, outcome.Decision.Warnings));
    }
}

using System.Security.Claims;
using Nq45Consult.Consultation.Review.Minutes;
using Nq45Consult.Consultation.Review.Minutes.Editing;
using Nq45Consult.Consultation.Review.Minutes.Finalising;
using Nq45Consult.Consultation.Review.Minutes.Generating;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Review;

/// <summary>The minutes' edit; every field optional (null keeps the draft's), <c>steps</c> one text per part in order.</summary>
public sealed record MinutesRequest(
    string? Organiser, string? Heading, string? Place, int? Participants, string? Chair, string? Secretary,
    IReadOnlyList<string?>? Steps, string? Conclusions)
{
    public MinutesChanges ToChanges() => new(Organiser, Heading, Place, Participants, Chair, Secretary, Steps, Conclusions);
}

public sealed record MinutesStepView(string Heading, string Text);

/// <summary>A session's minutes: <c>status</c> is <c>draft | final</c>.</summary>
public sealed record MinutesView(
    Guid SessionId, Guid ConsultationId, string Status, long Version, string Organiser, string Heading, string Subject,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string Place, int Participants, string Chair, string Secretary,
    IReadOnlyList<MinutesStepView> Steps, string Conclusions, string GeneratedBy, DateTimeOffset GeneratedAt,
    string? EditedBy, DateTimeOffset? EditedAt, string? FinalisedBy, DateTimeOffset? FinalisedAt)
{
    public static MinutesView Of(SessionMinutes m)
    {
        var c = m.Content;
        return new(m.SessionId, m.ConsultationId, m.IsFinal ? "final" : "draft", m.Version, c.Organiser, c.Heading, c.Subject,
            c.StartedAt, c.EndedAt, c.Place, c.Participants, c.Chair, c.Secretary, [.. c.Steps.Select(s => new MinutesStepView(s.Heading, s.Text))],
            c.Conclusions, m.GeneratedBy, m.GeneratedAt, m.EditedBy, m.EditedAt, m.FinalisedBy, m.FinalisedAt);
    }
}

/// <summary>
/// The minutes (biên bản) of a live session: generated from its record once it has ended, edited, finalised once,
/// exported as DOCX. Who may do what is <see cref="MinutesAccess"/>'s: the routes only require a signed-in caller.
/// </summary>
public static class MinutesEndpoints
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RouteGroupBuilder MapMinutes(this RouteGroupBuilder api)
    {
        api.MapPost("/sessions/{id:guid}/minutes", Generate).RequireAuthorization()
            .WithName("GenerateMinutes").WithSummary("Writes the draft minutes of an ended session from its record (moderators).");
        api.MapGet("/sessions/{id:guid}/minutes", Get).RequireAuthorization()
            .WithName("Minutes").WithSummary("A session's minutes (moderators and officials).");
        api.MapPut("/sessions/{id:guid}/minutes", Edit).RequireAuthorization()
            .WithName("EditMinutes").WithSummary("Edits the draft minutes; absent fields keep their text (moderators).");
        api.MapPost("/sessions/{id:guid}/minutes/finalise", Finalise).RequireAuthorization()
            .WithName("FinaliseMinutes").WithSummary("Finalises the minutes, once (moderators).");
        api.MapGet("/sessions/{id:guid}/minutes.docx", Docx).RequireAuthorization()
            .WithName("MinutesDocx").WithSummary("The minutes as DOCX in the administrative form (moderators and officials).");
        return api;
    }

    private static async Task<IResult> Generate(Guid id, ClaimsPrincipal user, GenerateMinutesHandler handler, MinutesQueries queries, CancellationToken cancellation)
    {
        var caller = CallerClaims.From(user)!;
        var decision = await handler.Handle(new GenerateMinutes(id, caller), cancellation);
        if (!decision.Accepted) return DecisionProblems.From(decision);
        var (refused, minutes) = await Find(id, caller, queries, cancellation);
        return refused ?? TypedResults.Created($"/api/sessions/{id}/minutes", MinutesView.Of(minutes!));
    }

    private static async Task<IResult> Get(Guid id, ClaimsPrincipal user, MinutesQueries queries, CancellationToken cancellation)
    {
        var (refused, minutes) = await Find(id, CallerClaims.From(user)!, queries, cancellation);
        return refused ?? TypedResults.Ok(MinutesView.Of(minutes!));
    }

    private static async Task<IResult> Edit(
        Guid id, MinutesRequest request, ClaimsPrincipal user, EditMinutesHandler handler, MinutesQueries queries, CancellationToken cancellation) =>
        await Changed(id, user, queries, caller => handler.Handle(new EditMinutes(id, request.ToChanges(), caller), cancellation), cancellation);

    private static async Task<IResult> Finalise(Guid id, ClaimsPrincipal user, FinaliseMinutesHandler handler, MinutesQueries queries, CancellationToken cancellation) =>
        await Changed(id, user, queries, caller => handler.Handle(new FinaliseMinutes(id, caller), cancellation), cancellation);

    private static async Task<IResult> Docx(Guid id, ClaimsPrincipal user, MinutesQueries queries, CancellationToken cancellation)
    {
        var (refused, minutes) = await Find(id, CallerClaims.From(user)!, queries, cancellation);
        if (refused is not null) return refused;
        var file = new MemoryStream();
        await MinutesDocx.Write(file, minutes!, cancellation);
        file.Position = 0;
        return TypedResults.File(file, DocxType, $"bien-ban-{id:N}.docx");
    }

    /// <summary>After an accepted change: the minutes as they are now.</summary>
    private static async Task<IResult> Changed(Guid id, ClaimsPrincipal user, MinutesQueries queries, Func<Caller, Task<Decision>> change, CancellationToken cancellation)
    {
        var caller = CallerClaims.From(user)!;
        var decision = await change(caller);
        if (!decision.Accepted) return DecisionProblems.From(decision);
        var (refused, minutes) = await Find(id, caller, queries, cancellation);
        return refused ?? TypedResults.Ok(MinutesView.Of(minutes!));
    }

    /// <summary>
    /// The minutes as the caller may read them, or the refusal: 403 for one who may not read minutes, 404 for no session
    /// (or none whose room they may enter) or none generated.
    /// </summary>
    private static async Task<(IResult? Refused, SessionMinutes? Minutes)> Find(Guid id, Caller caller, MinutesQueries queries, CancellationToken cancellation)
    {
        var found = await queries.Find(id, caller, cancellation);
        if (!found.Allowed) return (DecisionProblems.From(Decision.Forbid(DomainText.MinutesReadersOnly)), null);
        if (found.Session is null) return (DecisionProblems.From(Decision.NotFound(DomainText.SessionNotFound)), null);
        return found.Minutes is { } minutes ? (null, minutes) : (DecisionProblems.From(Decision.NotFound(DomainText.MinutesNone)), null);
    }
}

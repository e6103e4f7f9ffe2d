using Nq45Consult.Consultation.Indicators;
using Nq45Consult.Consultation.Indicators.Changing;
using Nq45Consult.Consultation.Indicators.Defining;
using Nq45Consult.Consultation.Indicators.Retiring;
using Nq45Consult.Consultation.Indicators.Reviewing;
using Nq45Consult.Consultation.Indicators.Snapshots;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Indicators;

/// <summary>The plan's indicators: admins define, change and retire them; the registry's keepers read them, take snapshots and export the review.</summary>
public static class IndicatorEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static WebApplication MapIndicatorEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization(Policies.ManageExperts);
        api.MapGet("/", List).WithName("ListIndicators").WithSummary("The plan's indicators: definition as registry filters, target, deadline; retired ones flagged.");
        api.MapPost("/", Define).RequireAuthorization(Policies.Administer).WithName("DefineIndicator")
            .WithSummary("Defines an indicator: names (vi, en), measure (count, share, manual), filters and base, target, deadline.");
        api.MapPut("/{id:guid}", Change).RequireAuthorization(Policies.Administer).WithName("ChangeIndicator")
            .WithSummary("Changes an indicator (target, deadline, names, definition) or records a manual indicator's figure.");
        api.MapPost("/{id:guid}/retire", Retire).RequireAuthorization(Policies.Administer).WithName("RetireIndicator")
            .WithSummary("Stops following an indicator; it and its past values stay.");
        api.MapGet("/snapshots", Snapshots).WithName("IndicatorSnapshots").WithSummary("Every snapshot, oldest first: each indicator's value and the registry's size.");
        api.MapPost("/snapshots", Take).WithName("TakeIndicatorSnapshot").WithSummary("Takes a snapshot of every followed indicator now.");
        api.MapGet("/review.xlsx", (string? headings, MidTermReviewQuery review, CancellationToken cancellation) =>
                Review(headings, review, XlsxType, "so-ket-chi-tieu.xlsx", (output, r, h) => { ReviewXlsx.Write(output, r, h); return Task.CompletedTask; }, cancellation))
            .WithName("IndicatorReviewXlsx").WithSummary("The mid-term review: first and latest snapshot per indicator, as XLSX; headings=en for English headings.");
        api.MapGet("/review.docx", (string? headings, MidTermReviewQuery review, CancellationToken cancellation) =>
                Review(headings, review, DocxType, "so-ket-chi-tieu.docx", (output, r, h) => ReviewDocx.Write(output, r, h, cancellation), cancellation))
            .WithName("IndicatorReviewDocx").WithSummary("The mid-term review as an administrative DOCX (national header); headings=en for English headings.");
        return app;
    }

    private static Caller CallerOf(HttpContext http) =>
        CallerClaims.From(http.User) ?? throw new InvalidOperationException("The route requires sign-in.");

    private static async Task<IResult> List(IndicatorQueries indicators, CancellationToken cancellation) =>
        TypedResults.Ok((await indicators.All(cancellation)).Select(IndicatorView.Of).ToList());

    private static async Task<IResult> Define(IndicatorRequest request, HttpContext http, DefineIndicatorHandler handler, CancellationToken cancellation)
    {
        var outcome = await handler.Handle(new DefineIndicator(request.ToInput(), CallerOf(http)), cancellation);
        return outcome.Indicator is { } defined
            ? TypedResults.Created($"/api/indicators/{defined.Id}", IndicatorView.Of(defined))
            : DecisionProblems.From(outcome.Decision);
    }

    private static async Task<IResult> Change(Guid id, IndicatorRequest request, HttpContext http, ChangeIndicatorHandler handler, CancellationToken cancellation) =>
        Answer(await handler.Handle(new ChangeIndicator(id, request.ToInput(), CallerOf(http)), cancellation));

    private static async Task<IResult> Retire(Guid id, HttpContext http, RetireIndicatorHandler handler, CancellationToken cancellation) =>
        Answer(await handler.Handle(new RetireIndicator(id, CallerOf(http)), cancellation));

    private static IResult Answer(IndicatorOutcome outcome) =>
        outcome.Indicator is { } indicator ? TypedResults.Ok(IndicatorView.Of(indicator)) : DecisionProblems.From(outcome.Decision);

    private static async Task<IResult> Snapshots(IndicatorQueries indicators, CancellationToken cancellation) =>
        TypedResults.Ok((await indicators.Snapshots(cancellation)).Select(SnapshotView.Of).ToList());

    private static async Task<IResult> Take(HttpContext http, TakeSnapshotHandler handler, CancellationToken cancellation)
    {
        var outcome = await handler.Handle(TakeSnapshot.OnDemand(CallerOf(http)), cancellation);
        return outcome.Snapshot is { } taken ? TypedResults.Created("/api/indicators/snapshots", SnapshotView.Of(taken)) : DecisionProblems.From(outcome.Decision);
    }

    /// <summary>A few rows: written in memory (the XLSX package needs a seekable stream), then sent.</summary>
    private static async Task<IResult> Review(
        string? headings, MidTermReviewQuery query, string contentType, string fileName,
        Func<Stream, MidTermReview, IReadOnlyList<string>, Task> write, CancellationToken cancellation)
    {
        if (ReviewHeadings.Of(headings) is not { } columns) return DecisionProblems.From(Decision.Invalid("headings", DomainText.IndicatorHeadingsInvalid));
        if (await query.Build(cancellation) is not { } review) return DecisionProblems.From(Decision.Conflict(DomainText.IndicatorNoSnapshot));
        using var buffer = new MemoryStream();
        await write(buffer, review, columns);
        return TypedResults.File(buffer.ToArray(), contentType, fileName);
    }
}

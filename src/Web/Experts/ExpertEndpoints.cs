using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Importing;
using Nq45Consult.Consultation.Experts.Interests;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Experts.SavedFilters;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Experts;

/// <summary>Profile, registry, association and interest-declaration routes: translation only.</summary>
public static class ExpertEndpoints
{
    public static IEndpointRouteBuilder MapExpertEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me/profile").WithTags("Experts").RequireAuthorization();
        me.MapGet("/", Mine).WithName("MyProfile").WithSummary("The caller's own expert profile, contact and consent included.");
        me.MapPut("/", SaveMine).RequireAuthorization(Policies.GiveFeedback).WithName("SaveMyProfile")
            .WithSummary("Creates or edits the caller's own profile; consent changes are recorded with their time.");
        me.MapGet("/export", Export).WithName("ExportMyData").WithSummary("Everything held about the caller, as JSON (personal-data export).");

        var experts = app.MapGroup("/api/experts").WithTags("Experts").RequireAuthorization(Policies.ManageExperts);
        experts.MapGet("/", Search).WithName("SearchExperts")
            .WithSummary("The registry: filter by field, degree, title, association, in/out of province and free text (diacritics optional).");
        experts.MapGet("/{id:guid}", Get).WithName("GetExpert").WithSummary("One profile; contact and consent for admins only.");
        experts.MapPost("/", Create).WithName("CreateExpert").WithSummary("A moderator creates a profile for a member.");
        experts.MapPut("/{id:guid}", Edit).WithName("EditExpert").WithSummary("A moderator edits a profile.");
        experts.MapPost("/import", Import).WithName("ImportExperts").Accepts<string>("text/csv")
            .WithMetadata(new RequestSizeLimitAttribute(ImportMemberList.MaxBytes))
            .WithSummary("Imports a member list CSV; dryRun=true previews. Any row error imports nothing.");
        experts.MapGet("/export", ExportCsv).WithName("ExportExperts").WithSummary("The registry (filtered) as CSV; contact columns for admins only.");
        experts.MapGet("/stats", Stats).WithName("ExpertStatistics").WithSummary("Experts by degree, title, field, association, province; progress against targets.");
        experts.MapGet("/filters", SavedFilters).WithName("SavedRegistryFilters").WithSummary("Registry filters saved under a name, retired ones flagged.");
        experts.MapPost("/filters", SaveFilter).WithName("SaveRegistryFilter")
            .WithSummary("Saves the registry's query parameters under a name, to find and invite the same experts again.");
        experts.MapPost("/filters/{id:guid}/retire", RetireFilter).WithName("RetireRegistryFilter");
        experts.MapGet("/participation", Participation).WithName("ExpertParticipation").WithSummary("Per expert: consultations invited to and feedback given.");

        var associations = app.MapGroup("/api/associations").WithTags("Experts");
        associations.MapGet("/", Associations).RequireAuthorization().WithName("ListAssociations").WithSummary("Member associations, retired ones flagged.");
        associations.MapPost("/", AddAssociation).RequireAuthorization(Policies.ManageExperts).WithName("AddAssociation");
        associations.MapPut("/{id:guid}", RenameAssociation).RequireAuthorization(Policies.ManageExperts).WithName("RenameAssociation");
        associations.MapPost("/{id:guid}/retire", RetireAssociation).RequireAuthorization(Policies.ManageExperts).WithName("RetireAssociation");

        var interests = app.MapGroup("/api/consultations/{id:guid}/interests").WithTags("Experts");
        interests.MapGet("/", Declarations).RequireAuthorization(Policies.ReviewFeedback).WithName("InterestDeclarations")
            .WithSummary("Every expert's conflict-of-interest declaration for the consultation.");
        interests.MapGet("/mine", MyDeclaration).RequireAuthorization(Policies.GiveFeedback).WithName("MyInterestDeclaration");
        interests.MapPut("/mine", Declare).RequireAuthorization(Policies.GiveFeedback).WithName("DeclareInterests")
            .WithSummary("The expert states any interest before giving feedback; a new declaration supersedes the last.");
        return app;
    }

    private static bool IsAdmin(ClaimsPrincipal user) => CallerClaims.From(user)?.Roles.Contains(Role.Admin) == true;

    private static string UserName(ClaimsPrincipal user) => CallerClaims.From(user)!.UserName;

    private static async Task<Results<Ok<ProfileView>, NotFound>> Mine(
        ClaimsPrincipal user, ProfileQueries profiles, AssociationQueries associations, CancellationToken cancellation)
    {
        var profile = await profiles.ByUserName(UserName(user), cancellation);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(ProfileView.Of(profile, await associations.All(cancellation), withPrivate: true));
    }

    private static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> SaveMine(
        ProfileRequest request, ClaimsPrincipal user, SaveOwnProfileHandler save, AssociationQueries associations, CancellationToken cancellation)
    {
        var outcome = await save.Handle(new SaveOwnProfile(UserName(user), request.ToInput(), request.ToConsent()), cancellation);
        return await Answer(outcome, associations, withPrivate: true, cancellation) is { } ok ? TypedResults.Ok(ok) : DecisionProblems.From(outcome.Decision!);
    }

    private static async Task<Ok<PersonalData>> Export(ClaimsPrincipal user, PersonalDataExport export, CancellationToken cancellation) =>
        TypedResults.Ok(await export.Export(UserName(user), cancellation));

    private static async Task<Results<Ok<RegistryResponse>, ProblemHttpResult>> Search(
        string? field, string? degree, string? title, string? association, string? inProvince, string? q, string? page, string? pageSize,
        ClaimsPrincipal user, RegistrySearch registry, AssociationQueries associations, CancellationToken cancellation)
    {
        var (filter, errors) = RegistryFilter.Parse(field, degree, title, association, inProvince, q, registry.Fields);
        var pageNumber = ParsePositive(page, "page", 1, errors);
        var size = ParsePositive(pageSize, "pageSize", 50, errors);
        if (size > RegistryFilter.MaxPageSize) errors["pageSize"] = [ApiText.Of("ApiPageSizeMax", RegistryFilter.MaxPageSize)];
        if (errors.Count > 0) return DecisionProblems.From(Decision.Invalid(errors));
        var found = await registry.Search(filter!, pageNumber, size, cancellation);
        var known = await associations.All(cancellation);
        var admin = IsAdmin(user);
        return TypedResults.Ok(new RegistryResponse([.. found.Items.Select(p => ProfileView.Of(p, known, admin))], found.Page, found.PageSize, found.Total));
    }

    private static int ParsePositive(string? text, string name, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, out var value) && value >= 1) return value;
        errors[name] = [ApiText.Of("ApiPositiveInteger")];
        return fallback;
    }

    private static async Task<Results<Ok<ProfileView>, NotFound>> Get(
        Guid id, ClaimsPrincipal user, ProfileQueries profiles, AssociationQueries associations, CancellationToken cancellation)
    {
        var profile = await profiles.Find(id, cancellation);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(ProfileView.Of(profile, await associations.All(cancellation), IsAdmin(user)));
    }

    private static async Task<Results<Created<ProfileView>, ProblemHttpResult>> Create(
        ProfileRequest request, ClaimsPrincipal user, CreateProfileHandler create, AssociationQueries associations, CancellationToken cancellation)
    {
        var outcome = await create.Handle(new CreateProfile(request.UserName, request.ToInput(), request.ToConsent(), UserName(user)), cancellation);
        return await Answer(outcome, associations, IsAdmin(user), cancellation) is { } view
            ? TypedResults.Created($"/api/experts/{view.Id}", view)
            : DecisionProblems.From(outcome.Decision!);
    }

    private static async Task<Results<Ok<ProfileView>, NotFound, ProblemHttpResult>> Edit(
        Guid id, ProfileRequest request, ClaimsPrincipal user, EditProfileHandler edit, AssociationQueries associations, CancellationToken cancellation)
    {
        var outcome = await edit.Handle(new EditProfile(id, request.ToInput(), request.ToConsent(), UserName(user)), cancellation);
        if (outcome.Decision is null) return TypedResults.NotFound();
        return await Answer(outcome, associations, IsAdmin(user), cancellation) is { } view ? TypedResults.Ok(view) : DecisionProblems.From(outcome.Decision);
    }

    /// <summary>The profile as shown, with its association's name; null when the command was refused.</summary>
    private static async Task<ProfileView?> Answer(ProfileOutcome outcome, AssociationQueries associations, bool withPrivate, CancellationToken cancellation) =>
        outcome is { Decision.Accepted: true, Profile: { } profile } ? ProfileView.Of(profile, await associations.All(cancellation), withPrivate) : null;

    private static async Task<Results<Ok<ImportReport>, BadRequest<ImportReport>, ProblemHttpResult>> Import(
        HttpRequest http, bool? dryRun, ClaimsPrincipal user, ImportMemberListHandler import, CancellationToken cancellation)
    {
        var file = await ReadFile(http, cancellation);
        if (file is null || file.Length == 0) return DecisionProblems.From(Decision.Invalid("file", ApiText.Of("ApiCsvFileNeeded")));
        var report = await import.Handle(new ImportMemberList(file, dryRun ?? true, UserName(user)), cancellation);
        return report.ErrorCount > 0 ? TypedResults.BadRequest(report) : TypedResults.Ok(report);
    }

    /// <summary>The CSV as the raw body, or as the "file" part of a form (the registry page uploads it that way).</summary>
    private static async Task<byte[]?> ReadFile(HttpRequest http, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(cancellation);
            if (form.Files["file"] is not { } upload) return null;
            await upload.CopyToAsync(buffer, cancellation);
        }
        else await http.Body.CopyToAsync(buffer, cancellation);
        return buffer.ToArray();
    }

    private static async Task<IResult> ExportCsv(
        string? field, string? degree, string? title, string? association, string? inProvince, string? q,
        HttpContext http, RegistrySearch registry, AssociationQueries associations, CancellationToken cancellation)
    {
        var (filter, errors) = RegistryFilter.Parse(field, degree, title, association, inProvince, q, registry.Fields);
        if (errors.Count > 0) return DecisionProblems.From(Decision.Invalid(errors));
        var known = await associations.All(cancellation);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"chuyen-gia.csv\"";
        await MemberListCsv.Write(http.Response.Body, registry.All(filter!, cancellation), known, IsAdmin(http.User), cancellation);
        return TypedResults.Empty;
    }

    private static async Task<Ok<ExpertStatistics>> Stats(ExpertStatisticsQuery statistics, CancellationToken cancellation) =>
        TypedResults.Ok(await statistics.Compute(cancellation));

    private static async Task<Ok<List<SavedFilterView>>> SavedFilters(SavedFilterQueries filters, CancellationToken cancellation) =>
        TypedResults.Ok((await filters.All(cancellation)).Select(SavedFilterView.Of).ToList());

    private static async Task<Results<Created<SavedFilterView>, ProblemHttpResult>> SaveFilter(
        SavedFilterRequest request, ClaimsPrincipal user, RegistrySearch registry, SaveRegistryFilterHandler save, CancellationToken cancellation)
    {
        var (filter, errors) = RegistryFilter.Parse(request.Field, request.Degree, request.Title, request.Association, request.InProvince, request.Q, registry.Fields);
        if (filter is null) return DecisionProblems.From(Decision.Invalid(errors));
        var (decision, saved) = await save.Handle(new SaveRegistryFilter(request.Name, filter, UserName(user)), cancellation);
        return saved is null ? DecisionProblems.From(decision!) : TypedResults.Created($"/api/experts/filters/{saved.Id}", SavedFilterView.Of(saved));
    }

    private static async Task<Results<Ok<SavedFilterView>, NotFound, ProblemHttpResult>> RetireFilter(
        Guid id, ClaimsPrincipal user, RetireRegistryFilterHandler retire, CancellationToken cancellation)
    {
        var (decision, filter) = await retire.Handle(new RetireRegistryFilter(id, UserName(user)), cancellation);
        if (decision is null) return TypedResults.NotFound();
        return filter is null ? DecisionProblems.From(decision) : TypedResults.Ok(SavedFilterView.Of(filter));
    }

    private static async Task<Ok<IReadOnlyList<Participation>>> Participation(ParticipationQuery participation, CancellationToken cancellation) =>
        TypedResults.Ok(await participation.All(cancellation));

    private static async Task<Ok<List<AssociationView>>> Associations(AssociationQueries associations, CancellationToken cancellation) =>
        TypedResults.Ok((await associations.All(cancellation)).Select(AssociationView.Of).ToList());

    private static async Task<Results<Ok<AssociationView>, NotFound, ProblemHttpResult>> AddAssociation(
        AssociationRequest request, ClaimsPrincipal user, AddAssociationHandler add, CancellationToken cancellation) =>
        AssociationAnswer(await add.Handle(new AddAssociation(request.Name, UserName(user)), cancellation));

    private static async Task<Results<Ok<AssociationView>, NotFound, ProblemHttpResult>> RenameAssociation(
        Guid id, AssociationRequest request, ClaimsPrincipal user, RenameAssociationHandler rename, CancellationToken cancellation) =>
        AssociationAnswer(await rename.Handle(new RenameAssociation(id, request.Name, UserName(user)), cancellation));

    private static async Task<Results<Ok<AssociationView>, NotFound, ProblemHttpResult>> RetireAssociation(
        Guid id, ClaimsPrincipal user, RetireAssociationHandler retire, CancellationToken cancellation) =>
        AssociationAnswer(await retire.Handle(new RetireAssociation(id, UserName(user)), cancellation));

    private static Results<Ok<AssociationView>, NotFound, ProblemHttpResult> AssociationAnswer(ListEntryOutcome<MemberAssociation> outcome)
    {
        var (decision, association) = outcome;
        if (decision is null) return TypedResults.NotFound();
        return association is null ? DecisionProblems.From(decision) : TypedResults.Ok(AssociationView.Of(association));
    }

    private static async Task<Ok<IReadOnlyList<InterestDeclaration>>> Declarations(Guid id, InterestQueries interests, CancellationToken cancellation) =>
        TypedResults.Ok(await interests.Declarations(id, cancellation));

    private static async Task<Results<Ok<InterestDeclaration>, NotFound>> MyDeclaration(Guid id, ClaimsPrincipal user, InterestQueries interests, CancellationToken cancellation) =>
        await interests.Declaration(id, UserName(user), cancellation) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    private static async Task<Results<Ok<InterestDeclaration>, NotFound, ProblemHttpResult>> Declare(
        Guid id, InterestsRequest request, ClaimsPrincipal user, DeclareInterestsHandler declare, CancellationToken cancellation)
    {
        var person = CallerClaims.From(user)!;
        var outcome = await declare.Handle(new DeclareInterests(id, person.UserName, person.DisplayName, request.HasInterests, request.Statement), cancellation);
        if (outcome is null) return TypedResults.NotFound();
        return outcome.Declaration is { } declared ? TypedResults.Ok(declared) : DecisionProblems.From(outcome.Decision);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Importing;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Experts.SavedFilters;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Experts;

/// <summary>The registry for moderators: filters (saved under a name), paged list, CSV export link, member list import with preview.</summary>
[Authorize(Policy = Policies.ManageExperts)]
[RequestSizeLimit(ImportMemberList.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportMemberList.MaxBytes)]
public sealed class IndexModel(
    RegistrySearch registry, AssociationQueries associations, SavedFilterQueries savedFilters, ImportMemberListHandler import,
    SaveRegistryFilterHandler saveFilter, RetireRegistryFilterHandler retireFilter,
    IStringLocalizer<SharedResource> texts) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? Degree { get; set; }
    [BindProperty(SupportsGet = true)] public string? Title { get; set; }
    [BindProperty(SupportsGet = true)] public string? Association { get; set; }
    [BindProperty(SupportsGet = true)] public string? InProvince { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<string> Fields => registry.Fields;
    public IReadOnlyList<MemberAssociation> Associations { get; private set; } = [];
    public RegistryPage? Found { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public ImportReport? Report { get; private set; }
    public IReadOnlyList<SavedFilter> SavedFilters { get; private set; } = [];

    /// <summary>The name to save the current filter under, and what saving it answered.</summary>
    [BindProperty] public string? FilterName { get; set; }
    public string? FilterMessage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await Load(cancellation);

    /// <summary>Preview (default) or confirm an upload; a confirmed import with any row error writes nothing.</summary>
    public async Task OnPostImportAsync(IFormFile? file, bool confirm, CancellationToken cancellation)
    {
        if (file is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellation);
            Report = await import.Handle(new ImportMemberList(buffer.ToArray(), DryRun: !confirm, CallerClaims.From(User)!.UserName), cancellation);
        }
        await Load(cancellation);
    }

    /// <summary>Saves the filter shown (its values come back as hidden fields) under <see cref="FilterName"/>.</summary>
    public async Task OnPostSaveFilterAsync(CancellationToken cancellation)
    {
        var (filter, errors) = RegistryFilter.Parse(Field, Degree, Title, Association, InProvince, Q, registry.Fields);
        if (filter is not null)
        {
            var (decision, saved) = await saveFilter.Handle(new SaveRegistryFilter(FilterName, filter, CallerClaims.From(User)!.UserName), cancellation);
            FilterMessage = saved is not null ? texts["ExpertsFilterSaved", saved.Name].Value : string.Join(" ", decision!.Errors.Values.SelectMany(m => m));
        }
        await Load(cancellation);
    }

    public async Task<IActionResult> OnPostRetireFilterAsync(Guid id, CancellationToken cancellation)
    {
        await retireFilter.Handle(new RetireRegistryFilter(id, CallerClaims.From(User)!.UserName), cancellation);
        return RedirectToPage();
    }

    /// <summary>The registry page showing what a saved filter finds.</summary>
    public string FilterLink(RegistryFilter f) => Url.Page("/Experts/Index", new
    {
        Field = f.Field, Degree = f.Degree is { } d ? KebabCase.Name(d) : null, Title = f.Title is { } t ? KebabCase.Name(t) : null,
        Association = f.Association, InProvince = f.InProvince?.ToString().ToLowerInvariant(), Q = f.Text,
    })!;

    private async Task Load(CancellationToken cancellation)
    {
        Associations = await associations.All(cancellation);
        SavedFilters = [.. (await savedFilters.All(cancellation)).Where(f => !f.Retired)];
        var (filter, errors) = RegistryFilter.Parse(Field, Degree, Title, Association, InProvince, Q, registry.Fields);
        Errors = errors;
        if (filter is not null) Found = await registry.Search(filter, PageNumber, PageSize, cancellation);
    }

    public string PageLink(int page) => Url.Page("/Experts/Index", new { Field, Degree, Title, Association, InProvince, Q, page })!;

    public string ExportLink => "/api/experts/export" + QueryString.Create(new Dictionary<string, string?>
    {
        ["field"] = Field, ["degree"] = Degree, ["title"] = Title, ["association"] = Association, ["inProvince"] = InProvince, ["q"] = Q,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}

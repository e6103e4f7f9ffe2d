using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Importing;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Experts;

/// <summary>The registry for moderators: filters, paged list, CSV export link, member list import with preview.</summary>
[Authorize(Policy = Policies.ManageExperts)]
[RequestSizeLimit(ImportMemberList.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportMemberList.MaxBytes)]
public sealed class IndexModel(ExpertRegistry registry, ImportMemberList import) : PageModel
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

    public async Task OnGetAsync(CancellationToken cancellation) => await Load(cancellation);

    /// <summary>Preview (default) or confirm an upload; a confirmed import with any row error writes nothing.</summary>
    public async Task OnPostImportAsync(IFormFile? file, bool confirm, CancellationToken cancellation)
    {
        if (file is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellation);
            Report = await import.Run(buffer.ToArray(), dryRun: !confirm, CurrentUser.From(User)!.UserName, cancellation);
        }
        await Load(cancellation);
    }

    private async Task Load(CancellationToken cancellation)
    {
        Associations = await registry.Associations(cancellation);
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

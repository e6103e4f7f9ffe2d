using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Search;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Pages.Search;

/// <summary>/search: one box over published drafts, feedback and responses, with filters and pages (docs/search.md).</summary>
public sealed class IndexModel(SearchQueries search, ConsultationQueries consultations, IOptions<ConsultationOptions> options) : PageModel
{
    public string? Q { get; private set; }
    public string? Kind { get; private set; }
    public string? Consultation { get; private set; }
    public string? Status { get; private set; }
    public string? Field { get; private set; }
    public IReadOnlyList<string> Fields => options.Value.AllowedFields;
    public IReadOnlyList<ConsultationDetails> Consultations { get; private set; } = [];
    /// <summary>Null until a search was made.</summary>
    public SearchResults? Results { get; private set; }

    public async Task OnGetAsync(string? q, string? kind, string? consultation, string? status, string? field,
        [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellation)
    {
        (Q, Kind, Consultation, Status, Field) = (q, kind, consultation, status, field);
        var caller = CallerClaims.From(User);
        Consultations = [.. (await consultations.Visible(Enum.GetValues<ConsultationStatus>(), caller, cancellation)).OrderBy(c => c.Title, StringComparer.Ordinal)];
        if (string.IsNullOrWhiteSpace(q)) return;
        var (request, errors) = SearchRequest.Parse(q, kind, consultation, status, field, pageNumber, null, Fields);
        if (request is null)
        {
            ModelState.AddDecisionErrors(Decision.Invalid(errors));
            return;
        }
        Results = await search.Search(request, caller, cancellation);
    }

    /// <summary>This search's address on another page ("page" is read from the query: Razor Pages keeps the route value of that name).</summary>
    public string PageLink(int page) => "/search" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["kind"] = Kind, ["consultation"] = Consultation, ["status"] = Status, ["field"] = Field,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}

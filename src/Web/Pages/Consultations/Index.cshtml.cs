using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>/consultations: open, upcoming and closed consultations, filtered by field and title (diacritics optional).</summary>
public sealed class IndexModel(ConsultationQueries queries, TimeProvider time, IOptions<ConsultationOptions> options) : PageModel
{
    public string? Field { get; private set; }
    public string? Query { get; private set; }
    public ConsultationStatus? Status { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<string> Fields => options.Value.AllowedFields;
    public IReadOnlyList<ConsultationDetails> Open { get; private set; } = [];
    public IReadOnlyList<ConsultationDetails> Upcoming { get; private set; } = [];
    public IReadOnlyList<ConsultationDetails> Closed { get; private set; } = [];
    public IReadOnlyList<ConsultationDetails> Drafts { get; private set; } = [];
    /// <summary>Shows the links to manage and create consultations (the routes check it again).</summary>
    public bool CanManage => CallerClaims.From(User)?.IsModerator == true;

    public async Task OnGetAsync(string? field, string? q, string? status, CancellationToken cancellation)
    {
        (Field, Query, Now) = (field, q?.Trim(), time.GetUtcNow());
        // An unknown status shows everything, as no filter would: the list is a page, not an API.
        Status = KebabCase.TryParse<ConsultationStatus>(status ?? "", out var wanted) ? wanted : null;
        var all = await queries.Visible(Status is { } one ? [one] : Enum.GetValues<ConsultationStatus>(), CallerClaims.From(User), Field, Query, cancellation);
        Open = all.Where(c => c.Status == ConsultationStatus.Open && c.OpensAt <= Now).ToList();
        Upcoming = all.Where(c => c.Status == ConsultationStatus.Open && c.OpensAt > Now).ToList();
        Closed = all.Where(c => c.Status is ConsultationStatus.Closed or ConsultationStatus.Responded).OrderByDescending(c => c.ClosesAt).ToList();
        Drafts = all.Where(c => c.Status == ConsultationStatus.Draft).ToList();
    }
}

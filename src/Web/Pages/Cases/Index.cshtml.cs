using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Cases.Requesting;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Cases;

/// <summary>
/// /cases: the cases the reader may see (their agency's, the councils they sit on; all for moderators and admins; answered
/// public ones for anyone), and for officials and moderators the request form, which calls the handler POST /api/cases calls.
/// </summary>
public sealed class IndexModel(
    CaseQueries queries, ConsultationQueries consultations, AgencyQueries agencies, RequestCaseHandler request, IStringLocalizer<SharedResource> text)
    : CasePage(text)
{
    // Vietnam keeps one offset all year: a deadline given as a day is the end of that day there.
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public IReadOnlyList<CritiqueCase> Cases { get; private set; } = [];

    public IReadOnlyList<ConsultationDetails> Consultations { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>What was typed, kept when the form is refused.</summary>
    public (string? Kind, string? Subject, Guid? Consultation, string? Due, Guid? Agency, string? Publish) Form { get; private set; }

    public bool MayRequest => Reader is { IsModerator: true } or { IsOfficial: true };

    public Task OnGetAsync(CancellationToken cancellation) => Load(cancellation);

    public Task<IActionResult> OnPostRequestAsync(
        string? kind, string? subject, Guid? consultationId, string? due, Guid? agencyId, string? publish, CancellationToken cancellation)
    {
        Form = (kind, subject, consultationId, due, agencyId, publish);
        DateTimeOffset? dueAt = DateOnly.TryParse(due, System.Globalization.CultureInfo.InvariantCulture, out var day)
            ? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), VietnamOffset)
            : null;
        bool? publishAnswer = bool.TryParse(publish, out var p) ? p : null;
        Guid? created = null;
        return Act(async caller =>
        {
            var outcome = await request.Handle(new RequestCase(kind, subject, consultationId, dueAt, agencyId, publishAnswer, caller), cancellation);
            created = outcome.Id;
            return outcome.Decision;
        }, "CasesRequested", cancellation, () => RedirectToPage("/Cases/Case", new { id = created }));
    }

    protected override async Task Load(CancellationToken cancellation)
    {
        Cases = await queries.List(Reader, cancellation);
        if (!MayRequest) return;
        Consultations = await consultations.Visible([.. Enum.GetValues<ConsultationStatus>()], Reader, cancellation);
        if (Reader?.IsModerator == true) Agencies = [.. (await agencies.All(cancellation)).Where(a => !a.Retired)];
    }
}

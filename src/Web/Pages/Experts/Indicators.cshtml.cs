using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Indicators;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Indicators.Changing;
using Nq45Consult.Consultation.Indicators.Defining;
using Nq45Consult.Consultation.Indicators.Retiring;
using Nq45Consult.Consultation.Indicators.Snapshots;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Pages.Experts;

/// <summary>
/// The plan's indicators over time: per indicator a chart with its target line and a table of the same figures, the latest
/// value against the target, the review exports and the snapshot button; for admins, the form that defines an indicator
/// and, under each, the same form to change it, and the button to stop following it.
/// </summary>
[Authorize(Policy = Policies.ManageExperts)]
public sealed class IndicatorsModel(
    IndicatorQueries indicators, RegistrySearch registry, AssociationQueries associations, TakeSnapshotHandler snapshots,
    DefineIndicatorHandler define, ChangeIndicatorHandler change, RetireIndicatorHandler retire, IStringLocalizer<SharedResource> texts) : PageModel
{
    /// <summary>One snapshot's value of an indicator, for its chart and table.</summary>
    public sealed record Point(DateTimeOffset TakenAt, double? Value, double Target);

    /// <summary>A followed indicator, its series oldest first, and its latest point (null before any snapshot holds it).</summary>
    public sealed record Series(Indicator Indicator, IReadOnlyList<Point> Points)
    {
        public Point? Latest => Points.Count == 0 ? null : Points[^1];

        public string Name => English ? Indicator.Spec.NameEn : Indicator.Spec.NameVi;
    }

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public IReadOnlyList<Series> Followed { get; private set; } = [];
    public int Snapshots { get; private set; }
    public IndicatorSnapshot? LatestSnapshot { get; private set; }

    /// <summary>What the last action did, kept across the redirect.</summary>
    [TempData] public string? Message { get; set; }

    /// <summary>Why the last action was refused, when the refusal names no field of a form.</summary>
    public string? Refused { get; private set; }

    /// <summary>The values an admin sent with the define or change form, shown again with their errors when refused.</summary>
    [BindProperty] public IndicatorForm Form { get; set; } = IndicatorForm.Blank();

    /// <summary>Which form <see cref="Form"/> and <see cref="FormErrors"/> belong to: an indicator's id, or <see cref="Guid.Empty"/> for the new one.</summary>
    public Guid? FormFor { get; private set; }
    public IReadOnlyDictionary<string, string[]> FormErrors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The registry's choices the form's conditions offer: its fields and member associations.</summary>
    public IReadOnlyList<string> Fields => registry.Fields;
    public IReadOnlyList<MemberAssociation> Associations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) => await Load(cancellation);

    /// <summary>Admins define, change and retire indicators on this page; moderators read it and take snapshots.</summary>
    public bool Admin => CallerClaims.From(User)?.IsAdmin == true;

    /// <summary>The form for the new indicator (null) or for <paramref name="indicator"/>: what was sent if it was refused, else blank or the indicator as it stands.</summary>
    public IndicatorForm FormOf(Indicator? indicator) =>
        FormFor == (indicator?.Id ?? Guid.Empty) ? Form : indicator is null ? IndicatorForm.Blank() : IndicatorForm.Of(indicator);

    public IReadOnlyDictionary<string, string[]> ErrorsOf(Indicator? indicator) =>
        FormFor == (indicator?.Id ?? Guid.Empty) ? FormErrors : new Dictionary<string, string[]>();

    public async Task<IActionResult> OnPostSnapshotAsync(CancellationToken cancellation) =>
        await Answer((await snapshots.Handle(TakeSnapshot.OnDemand(CallerClaims.From(User)!), cancellation)).Decision, null, "IndicatorsSnapshotTaken", cancellation);

    public async Task<IActionResult> OnPostDefineAsync(CancellationToken cancellation) =>
        await Answer((await define.Handle(new DefineIndicator(Form.ToInput(), CallerClaims.From(User)!), cancellation)).Decision, Guid.Empty, "IndicatorsDefined", cancellation);

    /// <summary>Changes names, definition, target, deadline and (for a manual indicator) figure: the form holds the whole indicator.</summary>
    public async Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken cancellation) =>
        await Answer((await change.Handle(new ChangeIndicator(id, Form.ToInput(), CallerClaims.From(User)!), cancellation)).Decision, id, "IndicatorsChanged", cancellation);

    public async Task<IActionResult> OnPostRetireAsync(Guid id, CancellationToken cancellation) =>
        await Answer((await retire.Handle(new RetireIndicator(id, CallerClaims.From(User)!), cancellation)).Decision, null, "IndicatorsRetiredNow", cancellation);

    /// <summary>
    /// Done: the page again with <paramref name="done"/> (post, redirect, get). Refused for the role: "denied". Field errors:
    /// beside the fields of the form sent (<paramref name="form"/>); any other reason above.
    /// </summary>
    private Task<IActionResult> Answer(Decision decision, Guid? form, string done, CancellationToken cancellation) =>
        this.Answer(decision, () =>
        {
            Message = texts[done];
            return RedirectToPage();
        }, refused =>
        {
            if (refused.Errors.Count > 0 && form is not null)
            {
                FormFor = form;
                FormErrors = Form.ErrorsOnForm(refused.Errors);
            }
            else Refused = string.Join(" ", refused.Errors.Values.SelectMany(m => m).DefaultIfEmpty(refused.Reason ?? ""));
        }, () => Load(cancellation));

    private async Task Load(CancellationToken cancellation)
    {
        var taken = await indicators.Snapshots(cancellation);
        Snapshots = taken.Count;
        LatestSnapshot = taken.Count == 0 ? null : taken[^1];
        Followed = [.. (await indicators.All(cancellation)).Where(i => !i.Retired).Select(i => new Series(i, [.. taken
            .SelectMany(s => s.Values.Where(v => v.IndicatorId == i.Id).Select(v => new Point(s.TakenAt, v.Value, v.Target)))]))];
        if (Admin) Associations = await associations.All(cancellation);
    }

    /// <summary>A figure as the page shows it: shares with " %".</summary>
    public static string Figure(double value, IndicatorMeasure measure) =>
        value.ToString("#,0.##", CultureInfo.CurrentCulture) + (measure == IndicatorMeasure.Share ? " %" : "");

    public static string Day(DateTimeOffset at) => at.ToOffset(IndicatorSnapshot.VietnamOffset).ToString("d", CultureInfo.CurrentCulture);
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Indicators;
using Nq45Consult.Consultation.Indicators.Changing;
using Nq45Consult.Consultation.Indicators.Retiring;
using Nq45Consult.Consultation.Indicators.Snapshots;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Pages.Experts;

/// <summary>The plan's indicators over time: per indicator a chart with its target line and a table of the same figures, the latest value against the target, the review exports and the snapshot button.</summary>
[Authorize(Policy = Policies.ManageExperts)]
public sealed class IndicatorsModel(
    IndicatorQueries indicators, TakeSnapshotHandler snapshots, ChangeIndicatorHandler change, RetireIndicatorHandler retire) : PageModel
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
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await Load(cancellation);

    /// <summary>Admins change targets, deadlines and manual figures, and retire indicators, on this page.</summary>
    public bool Admin => CallerClaims.From(User)?.IsAdmin == true;

    public async Task<IActionResult> OnPostSnapshotAsync(CancellationToken cancellation) =>
        await Answer((await snapshots.Handle(TakeSnapshot.OnDemand(CallerClaims.From(User)!), cancellation)).Decision, cancellation);

    /// <summary>
    /// Changes the target, deadline and (for a manual indicator) figure, keeping the rest. Numbers come as the number
    /// inputs send them, with a point whatever the page's language; one that does not read is refused by the decision.
    /// </summary>
    public async Task<IActionResult> OnPostChangeAsync(Guid id, string? target, string? deadline, string? figure, CancellationToken cancellation)
    {
        var current = (await indicators.All(cancellation)).FirstOrDefault(i => i.Id == id);
        var input = current is null
            ? new IndicatorInput(null, null, null, null, null, null, null, null)
            : IndicatorInput.Of(current) with { Target = Number(target), Deadline = deadline, Figure = string.IsNullOrWhiteSpace(figure) ? null : Number(figure) ?? double.NaN };
        return await Answer((await change.Handle(new ChangeIndicator(id, input, CallerClaims.From(User)!), cancellation)).Decision, cancellation);
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid id, CancellationToken cancellation) =>
        await Answer((await retire.Handle(new RetireIndicator(id, CallerClaims.From(User)!), cancellation)).Decision, cancellation);

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Done: the page again (post, redirect, get). Refused for the role: "denied". Otherwise the page with the reason.</summary>
    private Task<IActionResult> Answer(Decision decision, CancellationToken cancellation) =>
        this.Answer(decision, () => RedirectToPage(),
            refused => Message = string.Join(" ", refused.Errors.Values.SelectMany(m => m).DefaultIfEmpty(refused.Reason ?? "")),
            () => Load(cancellation));

    private async Task Load(CancellationToken cancellation)
    {
        var taken = await indicators.Snapshots(cancellation);
        Snapshots = taken.Count;
        LatestSnapshot = taken.Count == 0 ? null : taken[^1];
        Followed = [.. (await indicators.All(cancellation)).Where(i => !i.Retired).Select(i => new Series(i, [.. taken
            .SelectMany(s => s.Values.Where(v => v.IndicatorId == i.Id).Select(v => new Point(s.TakenAt, v.Value, v.Target)))]))];
    }

    /// <summary>A figure as the page shows it: shares with " %".</summary>
    public static string Figure(double value, IndicatorMeasure measure) =>
        value.ToString("#,0.##", CultureInfo.CurrentCulture) + (measure == IndicatorMeasure.Share ? " %" : "");

    public static string Day(DateTimeOffset at) => at.ToOffset(IndicatorSnapshot.VietnamOffset).ToString("d", CultureInfo.CurrentCulture);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.OpinionMap;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.OpinionMap;

/// <summary>The opinion map: anonymous dots by group, the viewer's own marked, with a table alternative and the statements.</summary>
public sealed class MapModel(OpinionMapQueries queries) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public OpinionMapReading Map { get; private set; } = null!;

    /// <summary>Half the chart's width in SVG units; dots are scaled so the farthest lies just inside.</summary>
    public const double Half = 200;

    public async Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken cancellation)
    {
        var caller = CallerClaims.From(User);
        var (consultation, _) = await queries.Find(consultationId, caller, cancellation);
        if (consultation is null || await queries.Map(consultationId, caller, cancellation) is not { } map) return NotFound();
        (Consultation, Map) = (consultation, map);
        return Page();
    }

    /// <summary>The dots in chart coordinates (y grows downwards in SVG), by position so their order names no one.</summary>
    public IEnumerable<(double X, double Y, int? Group, bool Own)> Dots()
    {
        var points = Map.Snapshot.Result.Points;
        var extent = points.Select(p => Math.Max(Math.Abs(p.X), Math.Abs(p.Y))).DefaultIfEmpty(0).Max();
        var scale = extent > 0 ? (Half - 14) / extent : 0;
        return points
            .Select(p => (X: Math.Round(Half + p.X * scale, 1), Y: Math.Round(Half - p.Y * scale, 1), Group: p.GroupId, Own: p.ParticipantKey == Map.OwnKey))
            .OrderBy(d => d.X).ThenBy(d => d.Y);
    }

    public string TextOf(string statementId) => Map.Texts.GetValueOrDefault(statementId, "");

    public int? OwnGroup => Map.OwnKey is null ? null : Map.Snapshot.Result.Points.FirstOrDefault(p => p.ParticipantKey == Map.OwnKey)?.GroupId;
}

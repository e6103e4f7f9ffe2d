using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Dialogue;
using QRCoder;

namespace Nq45Consult.Web.Pages.Sessions;

/// <summary>
/// /sessions/{id}/present: the room on a hall's big screen — pinned question, top questions, the open poll, the agenda
/// step and a QR code of the join link. Whoever may open the room may open this; the SignalR client keeps it live.
/// </summary>
[Authorize]
public sealed class PresentModel(DialogueQueries queries) : PageModel
{
    public DialogueSession Session { get; private set; } = null!;

    /// <summary>The room's short address (its join code), as people in the hall type it.</summary>
    public string JoinLink { get; private set; } = "";

    /// <summary>The QR code's dark modules as one SVG path, in a square of <see cref="QrSize"/> modules.</summary>
    public string QrPath { get; private set; } = "";

    public int QrSize { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        var found = await SessionPage.Load(id, User, queries, cancellation);
        if (found.Result is not null) return found.Result;
        Session = found.Session!;
        JoinLink = $"{Request.Scheme}://{Request.Host}/s/{JoinCode.Of(Session.Id)}";
        (QrPath, QrSize) = Qr(JoinLink);
        return Page();
    }

    /// <summary>
    /// Drawn as a path in the page rather than an image: the Content-Security-Policy allows no data: images, and a
    /// path needs no style attribute. Medium error correction; the quiet zone is in the size.
    /// </summary>
    private static (string Path, int Size) Qr(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var path = new StringBuilder();
        for (var y = 0; y < data.ModuleMatrix.Count; y++)
            for (var x = 0; x < data.ModuleMatrix[y].Length; x++)
                if (data.ModuleMatrix[y][x]) path.Append($"M{x} {y}h1v1h-1z");
        return (path.ToString(), data.ModuleMatrix.Count);
    }
}

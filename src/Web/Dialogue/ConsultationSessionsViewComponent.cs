using Marten;
using Microsoft.AspNetCore.Mvc;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Web.Dialogue;

/// <summary>The dialogue sessions of a consultation, for those who may take part; moderators also get the way to schedule one.</summary>
public sealed class ConsultationSessionsViewComponent(IQuerySession query) : ViewComponent
{
    public sealed record Model(ConsultationDetails Consultation, IReadOnlyList<SessionListing> Sessions, bool IsModerator);

    public async Task<IViewComponentResult> InvokeAsync(ConsultationDetails consultation)
    {
        if (HttpContext.User.Identity?.IsAuthenticated != true) return Content("");
        var me = DialogueParticipant.From(HttpContext.User);
        if (!DialogueAccess.MayJoin(consultation, me)) return Content("");
        var sessions = await SessionListing.Of(query, consultation.Id, HttpContext.RequestAborted);
        if (sessions.Count == 0 && !me.IsModerator) return Content("");
        return View(new Model(consultation, sessions, me.IsModerator));
    }
}

using Microsoft.AspNetCore.Mvc;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Dialogue;

/// <summary>The dialogue sessions of a consultation, for those who may take part; moderators also get the way to schedule one.</summary>
public sealed class ConsultationSessionsViewComponent(DialogueQueries queries) : ViewComponent
{
    public sealed record Model(ConsultationDetails Consultation, IReadOnlyList<SessionListing> Sessions, bool IsModerator);

    public async Task<IViewComponentResult> InvokeAsync(ConsultationDetails consultation)
    {
        var me = CallerClaims.From(HttpContext.User);
        var sessions = await queries.OfConsultation(consultation, me, HttpContext.RequestAborted);
        if (me is null || sessions is null) return Content("");
        if (sessions.Count == 0 && !me.IsModerator) return Content("");
        return View(new Model(consultation, sessions, me.IsModerator));
    }
}

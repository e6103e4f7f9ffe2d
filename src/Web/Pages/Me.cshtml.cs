using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Standing;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.Pages;

/// <summary>
/// /me: the signed-in person, their roles and where they stand — open consultations they are invited to, surveys
/// waiting for their answer, live sessions to come and the published responses to their feedback.
/// </summary>
[Authorize]
public sealed class MeModel(StandingQueries standing, TimeProvider time) : PageModel
{
    public PersonalStanding Standing { get; private set; } = new([], [], [], []);

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Now = time.GetUtcNow();
        Standing = await standing.Of(SignedInCaller.Of(User), cancellation);
    }
}

using System.Security.Claims;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Dialogue;

public static class DialogueParticipant
{
    /// <summary>The signed-in caller as the session's rules see them.</summary>
    public static Participant From(ClaimsPrincipal principal)
    {
        var user = CallerClaims.From(principal) ?? throw new InvalidOperationException("The caller is not signed in.");
        return new Participant(user.UserName, user.DisplayName, user.Roles.ToHashSet());
    }
}

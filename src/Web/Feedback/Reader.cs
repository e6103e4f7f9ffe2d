using System.Security.Claims;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Feedback;

/// <summary>Who is asking, reduced to what feedback visibility depends on.</summary>
public sealed record Reader(Caller? User)
{
    public static Reader Of(ClaimsPrincipal principal) => new(CallerClaims.From(principal));

    public bool IsModerator => User?.Roles.Contains(Role.Moderator) == true;

    /// <summary>Moderators and officials: they see hidden and withdrawn items, reports and moderation reasons.</summary>
    public bool IsReviewer => IsModerator || User?.Roles.Contains(Role.Official) == true;

    /// <summary>Officials of the drafting agency: they write the responses and see them before they are published.</summary>
    public bool IsOfficial => User?.Roles.Contains(Role.Official) == true;

    public Participant Participant => User is { } user
        ? new Participant(user.UserName, user.DisplayName, user.Roles.Contains(Role.Expert), IsModerator, IsOfficial: IsOfficial)
        : throw new InvalidOperationException("An anonymous caller is not a participant; the route must require sign-in.");
}

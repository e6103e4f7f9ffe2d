using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>Who acts in a session, with what the rules need to know about them.</summary>
public sealed record Participant(string UserName, string DisplayName, IReadOnlySet<Role> Roles)
{
    /// <summary>Runs the room: approves, rejects, pins, polls, hides, moves the agenda, starts and ends.</summary>
    public bool IsModerator => Roles.Contains(Role.Moderator);

    /// <summary>Moderators answer; so do the drafting body's officials (step 5: the drafting body clarifies).</summary>
    public bool MayAnswer => IsModerator || Roles.Contains(Role.Official);
}

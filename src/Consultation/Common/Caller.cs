namespace Nq45Consult.Consultation.Common;

/// <summary>
/// The signed-in person on whose behalf a command or query runs, with the roles the rules depend on; <c>null</c>
/// where a route allows anonymous readers. Every capability takes this one type.
/// </summary>
public sealed record Caller(string UserName, string DisplayName, IReadOnlySet<Role> Roles)
{
    public static Caller Of(string userName, string displayName, params IEnumerable<Role> roles) =>
        new(userName, displayName, new SortedSet<Role>(roles));

    /// <summary>
    /// The agency the person works for (<c>AccountAssignedToAgency</c>), read from the account on every request; null for
    /// people in none. Officials respond only for the consultations their agency drafts (<c>Responders</c>).
    /// </summary>
    public Guid? AgencyId { get; init; }

    public bool IsExpert => Roles.Contains(Role.Expert);

    public bool IsModerator => Roles.Contains(Role.Moderator);

    /// <summary>Officials of the drafting agency: they write the responses and see them before they are published.</summary>
    public bool IsOfficial => Roles.Contains(Role.Official);

    public bool IsAdmin => Roles.Contains(Role.Admin);

    /// <summary>Moderators and officials: they see hidden and withdrawn items, reports and moderation reasons.</summary>
    public bool IsReviewer => IsModerator || IsOfficial;

    public bool HasAny(IEnumerable<Role> roles) => roles.Any(Roles.Contains);
}

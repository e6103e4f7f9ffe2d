namespace Nq45Consult.Consultation.Experts.Invitations;

/// <summary>Whom to invite: user names, and/or everyone the registry finds by field, association or saved filter (ids or names).</summary>
public sealed record Invitees(
    IReadOnlyList<string>? UserNames, IReadOnlyList<string>? Fields = null, IReadOnlyList<string>? Associations = null,
    IReadOnlyList<string>? SavedFilters = null)
{
    public bool FromRegistry => Fields is { Count: > 0 } || Associations is { Count: > 0 } || SavedFilters is { Count: > 0 };
}

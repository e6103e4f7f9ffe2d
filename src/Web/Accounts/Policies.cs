using Microsoft.AspNetCore.Authorization;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Web.Accounts;

/// <summary>
/// Authorization policies, named after what they allow. Features require these, never roles directly,
/// so the role-to-permission table below is the single place that says who may do what.
/// </summary>
public static class Policies
{
    /// <summary>Give feedback on a draft, answer its survey, take part in dialogue sessions.</summary>
    public const string GiveFeedback = nameof(GiveFeedback);

    /// <summary>Create and publish consultations and versions, open and close them, invite, moderate feedback and sessions.</summary>
    public const string Moderate = nameof(Moderate);

    /// <summary>Respond to feedback on behalf of the drafting agency and publish the responses.</summary>
    public const string Respond = nameof(Respond);

    /// <summary>See hidden feedback, the history of an item and the synthesis reports.</summary>
    public const string ReviewFeedback = nameof(ReviewFeedback);

    /// <summary>Manage accounts and the installation.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Keep the expert registry: profiles of members, member associations, imports, exports and statistics.</summary>
    public const string ManageExperts = nameof(ManageExperts);

    public static readonly IReadOnlyDictionary<string, Role[]> AllowedRoles = new Dictionary<string, Role[]>
    {
        [GiveFeedback] = [Role.Expert],
        [Moderate] = [Role.Moderator],
        [Respond] = [Role.Official],
        [ReviewFeedback] = [Role.Moderator, Role.Official],
        [Administer] = [Role.Admin],
        [ManageExperts] = [Role.Moderator, Role.Admin],
    };

    public static IEnumerable<string> AllowedTo(Role role) =>
        AllowedRoles.Where(entry => entry.Value.Contains(role)).Select(entry => entry.Key);

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, roles) in AllowedRoles)
        {
            options.AddPolicy(name, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => CallerClaims.From(context.User)?.HasAny(roles) == true));
        }
    }
}

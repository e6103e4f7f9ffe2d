namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>A profile command's result: not found, refused (the decision says why) or the profile as it now stands.</summary>
public sealed record ProfileOutcome(Decision? Decision, ExpertProfile? Profile)
{
    public static readonly ProfileOutcome NotFound = new(null, null);
}

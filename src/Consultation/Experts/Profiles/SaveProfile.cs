namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>
/// Create or edit a profile: by the person themselves (UserName set, profile found by it) or by a moderator.
/// A consent that differs from the recorded one is recorded as its own event; nothing changes, nothing is written.
/// The decision the profile use cases (<see cref="SaveOwnProfile"/>, <see cref="CreateProfile"/>, <see cref="EditProfile"/>) and the member-list import share.
/// </summary>
public sealed record SaveProfile(Guid ProfileId, string? UserName, string? ImportKey, ProfileDetails Details, ProfileConsent? Consent, string SavedBy)
{
    public static Decision Decide(ExpertProfile? current, SaveProfile command, DateTimeOffset now)
    {
        var events = new List<object>();
        if (current is null)
            events.Add(new ExpertProfileRegistered(command.ProfileId, command.UserName?.Trim(), command.ImportKey, command.Details, now, command.SavedBy));
        else if (!current.Details.SameAs(command.Details))
            events.Add(new ExpertProfileEdited(current.Id, command.Details, now, command.SavedBy));

        var recorded = current?.Consent ?? new ProfileConsent(false, false);
        if (command.Consent is { } consent && consent != recorded)
            events.Add(new ExpertConsentRecorded(current?.Id ?? command.ProfileId, consent, now, command.SavedBy));
        return Decision.Accept([.. events]);
    }
}

using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Experts.Profiles;

// A profile is a stream of its own. It may belong to an account (UserName) or be kept by moderators for a
// member who never signs in; a member list's key (ImportKey) lets a re-import find it again.

public sealed record ExpertProfileRegistered(
    Guid ProfileId, string? UserName, string? ImportKey, ProfileDetails Details, DateTimeOffset RegisteredAt, string RegisteredBy);

public sealed record ExpertProfileEdited(Guid ProfileId, ProfileDetails Details, DateTimeOffset EditedAt, string EditedBy);

/// <summary>
/// A profile kept by moderators (imported from a member list) became the profile of the account its person created
/// by accepting an invitation.
/// </summary>
public sealed record ExpertProfileClaimed(Guid ProfileId, string UserName, DateTimeOffset ClaimedAt);

/// <summary>Consent as given or withdrawn, with its time: the proof the personal-data rules ask for.</summary>
public sealed record ExpertConsentRecorded(Guid ProfileId, ProfileConsent Consent, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>The registry's row for one expert; <see cref="SearchText"/> is folded (no diacritics) for the trigram index.</summary>
public sealed record ExpertProfile(
    Guid Id,
    string? UserName,
    string? NormalizedUserName,
    string? ImportKey,
    ProfileDetails Details,
    ProfileConsent Consent,
    DateTimeOffset? ConsentRecordedAt,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt)
{
    // Flattened copies of the details the registry filters on, so the queries stay simple LINQ.
    public string FullName => Details.FullName;
    public AcademicTitle AcademicTitle => Details.AcademicTitle;
    public Degree Degree => Details.Degree;
    public IReadOnlyList<string> Fields => Details.Fields;
    public Guid? AssociationId => Details.AssociationId;
    public bool InProvince => Details.InProvince;
    public string? Email => Details.Email;

    /// <summary>Whether the person may be named in public (feedback, live sessions, reports); a profile without that consent is not.</summary>
    public bool AppearsByName => Consent.ToAppearByName;
    public string SortName => ExpertVocabulary.Fold(Details.FullName);

    public string SearchText => ExpertVocabulary.Fold(string.Join(' ',
        Details.FullName, ExpertVocabulary.Abbreviation(Details.AcademicTitle), ExpertVocabulary.Words(Details.AcademicTitle),
        ExpertVocabulary.Abbreviation(Details.Degree), ExpertVocabulary.Words(Details.Degree), Details.Specialty, Details.Organisation,
        string.Join(' ', Details.Fields)));

    /// <summary>How the person is presented next to what they write: "PGS.TS. Nguyễn Văn An".</summary>
    public string TitledName => string.Join(".", new[]
        {
            ExpertVocabulary.Abbreviation(Details.AcademicTitle), Details.Degree is Degree.Bachelor ? "" : ExpertVocabulary.Abbreviation(Details.Degree),
        }.Where(a => a.Length > 0).Append(" " + Details.FullName)).TrimStart();

    public static string? Normalize(string? userName) => userName?.Trim().ToUpperInvariant();
}

public sealed class ExpertProfileProjection : SingleStreamProjection<ExpertProfile, Guid>
{
    public static ExpertProfile Create(ExpertProfileRegistered e) =>
        new(e.ProfileId, e.UserName, ExpertProfile.Normalize(e.UserName), e.ImportKey, e.Details, new ProfileConsent(false, false), null, e.RegisteredAt, e.RegisteredAt);

    public static ExpertProfile Apply(ExpertProfileEdited e, ExpertProfile profile) => profile with { Details = e.Details, UpdatedAt = e.EditedAt };

    public static ExpertProfile Apply(ExpertProfileClaimed e, ExpertProfile profile) =>
        profile with { UserName = e.UserName, NormalizedUserName = ExpertProfile.Normalize(e.UserName), UpdatedAt = e.ClaimedAt };

    public static ExpertProfile Apply(ExpertConsentRecorded e, ExpertProfile profile) =>
        profile with { Consent = e.Consent, ConsentRecordedAt = e.RecordedAt, UpdatedAt = e.RecordedAt };
}

using System.Text;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>What a profile says about the person, validated. Email and phone are private (the person and admins only).</summary>
public sealed record ProfileDetails(
    string FullName,
    AcademicTitle AcademicTitle,
    Degree Degree,
    IReadOnlyList<string> Fields,
    string? Specialty,
    string? Organisation,
    Guid? AssociationId,
    bool InProvince,
    string? Email,
    string? Phone)
{
    /// <summary>The same profile whatever the order of fields; used to skip re-imports that change nothing.</summary>
    public bool SameAs(ProfileDetails other) =>
        this with { Fields = [] } == other with { Fields = [] } && Fields.Order().SequenceEqual(other.Fields.Order());
}

/// <summary>Consent under Vietnam's personal-data rules; each change is recorded with its time.</summary>
public sealed record ProfileConsent(bool ToBeContacted, bool ToAppearByName);

/// <summary>Consent as sent: an answer left out (null) stays as recorded.</summary>
public sealed record ConsentAnswers(bool? ToBeContacted, bool? ToAppearByName)
{
    /// <summary>The consent to record: both answers, each defaulting to what is recorded now; null when nothing was answered.</summary>
    public ProfileConsent? Over(ProfileConsent? recorded) =>
        ToBeContacted is null && ToAppearByName is null
            ? null
            : new ProfileConsent(ToBeContacted ?? recorded?.ToBeContacted ?? false, ToAppearByName ?? recorded?.ToAppearByName ?? false);
}

/// <summary>A profile as sent by a person or a moderator, before validation; enums as names or the usual abbreviations.</summary>
public sealed record ProfileInput(
    string? FullName,
    string? AcademicTitle,
    string? Degree,
    IReadOnlyList<string>? Fields,
    string? Specialty,
    string? Organisation,
    Guid? AssociationId,
    bool? InProvince,
    string? Email,
    string? Phone)
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 300;
    public const int MaxFields = 20;

    /// <summary>Email and phone left out keep what is recorded (moderators never see them to send them back); "" clears them.</summary>
    public ProfileInput KeepingContact(ProfileDetails? recorded) => this with { Email = Email ?? recorded?.Email, Phone = Phone ?? recorded?.Phone };

    /// <summary>
    /// Validated details, or the errors keyed by field. <paramref name="associationOpen"/> tells whether an
    /// association id names a current (not retired) association.
    /// </summary>
    public (ProfileDetails? Details, Dictionary<string, string[]> Errors) Validate(IReadOnlyList<string> allowedFields, Func<Guid, bool> associationOpen)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        var name = Tidy(FullName);
        if (name is null) Fail("fullName", DomainText.FullNameRequired);
        else if (name.Length > MaxNameLength) Fail("fullName", DomainText.FullNameTooLong(MaxNameLength));

        if (!ExpertVocabulary.TryParse(AcademicTitle, out Experts.AcademicTitle title))
            Fail("academicTitle", DomainText.AcademicTitleInvalidValue(AcademicTitle, KebabCase.Names<Experts.AcademicTitle>()));
        if (!ExpertVocabulary.TryParse(Degree, out Experts.Degree degree))
            Fail("degree", DomainText.DegreeInvalidValue(Degree, KebabCase.Names<Experts.Degree>()));

        var fields = new List<string>();
        foreach (var field in Fields ?? [])
        {
            var known = allowedFields.FirstOrDefault(f => string.Equals(f, Tidy(field), StringComparison.OrdinalIgnoreCase));
            if (known is null) Fail("fields", DomainText.FieldNotInListChoose(field, string.Join(", ", allowedFields)));
            else if (!fields.Contains(known)) fields.Add(known);
        }
        if (fields.Count == 0 && !errors.ContainsKey("fields")) Fail("fields", DomainText.FieldsAtLeastOne);
        if (fields.Count > MaxFields) Fail("fields", DomainText.FieldsAtMost(MaxFields));

        var specialty = Tidy(Specialty);
        if (specialty?.Length > MaxTextLength) Fail("specialty", DomainText.SpecialtyTooLong(MaxTextLength));
        var organisation = Tidy(Organisation);
        if (organisation?.Length > MaxTextLength) Fail("organisation", DomainText.OrganisationTooLong(MaxTextLength));
        if (AssociationId is { } association && !associationOpen(association))
            Fail("associationId", DomainText.AssociationUnknownOrRetired);

        var email = Tidy(Email);
        if (email is not null && !EmailAddress.IsValid(email)) Fail("email", DomainText.EmailInvalid(email));
        var phone = Tidy(Phone);
        var phoneDigits = phone is null ? null : PhoneNumber(phone);
        if (phone is not null && phoneDigits is null) Fail("phone", DomainText.PhoneInvalid(phone));

        if (errors.Count > 0) return (null, errors);
        return (new ProfileDetails(name!, title, degree, fields, specialty, organisation, AssociationId, InProvince ?? true, email?.ToLowerInvariant(), phoneDigits), errors);
    }

    private static string? Tidy(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Vietnamese numbers: 0 and 9-10 digits, or +84 and 9-10 digits; spaces, dots and dashes allowed between.</summary>
    private static string? PhoneNumber(string text)
    {
        var compact = new string(text.Where(c => c is not (' ' or '.' or '-')).ToArray());
        if (compact.StartsWith("+84", StringComparison.Ordinal)) compact = "0" + compact[3..];
        return compact.Length is 10 or 11 && compact[0] == '0' && compact.All(char.IsAsciiDigit) ? compact : null;
    }
}

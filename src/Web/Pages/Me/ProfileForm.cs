using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Profiles;

namespace Nq45Consult.Web.Pages.Me;

/// <summary>
/// The person's own profile as the /me/profile form posts it: the same input <c>PUT /api/me/profile</c> takes
/// (<see cref="ProfileInput"/> and <see cref="ConsentAnswers"/>), empty contact fields clearing what is recorded.
/// </summary>
public sealed class ProfileForm
{
    public string? FullName { get; set; }
    public string? AcademicTitle { get; set; }
    public string? Degree { get; set; }
    public List<string> Fields { get; set; } = [];
    public string? Specialty { get; set; }
    public string? Organisation { get; set; }
    public Guid? AssociationId { get; set; }
    /// <summary>A checkbox: absent from the post when unticked, so false unless sent.</summary>
    public bool InProvince { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool ConsentToContact { get; set; }
    public bool ConsentToAppearByName { get; set; }

    public ProfileInput ToInput() =>
        new(FullName, AcademicTitle, Degree, Fields, Specialty, Organisation, AssociationId, InProvince, Email ?? "", Phone ?? "");

    public ConsentAnswers ToConsent() => new(ConsentToContact, ConsentToAppearByName);

    /// <summary>The recorded profile, or a new one with the account's display name.</summary>
    public static ProfileForm Of(ExpertProfile? profile, string displayName) => profile is null
        ? new()
        {
            FullName = displayName,
            AcademicTitle = KebabCase.Name(Consultation.Experts.AcademicTitle.None),
            Degree = KebabCase.Name(Consultation.Experts.Degree.Other),
            InProvince = true,
        }
        : new()
        {
            FullName = profile.FullName,
            AcademicTitle = KebabCase.Name(profile.AcademicTitle),
            Degree = KebabCase.Name(profile.Degree),
            Fields = [.. profile.Fields],
            Specialty = profile.Details.Specialty,
            Organisation = profile.Details.Organisation,
            AssociationId = profile.AssociationId,
            InProvince = profile.InProvince,
            Email = profile.Details.Email,
            Phone = profile.Details.Phone,
            ConsentToContact = profile.Consent.ToBeContacted,
            ConsentToAppearByName = profile.Consent.ToAppearByName,
        };
}

using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Experts.SavedFilters;

namespace Nq45Consult.Web.Experts;

/// <summary>
/// Body of <c>PUT /api/me/profile</c>, <c>POST /api/experts</c> and <c>PUT /api/experts/{id}</c>. Email and phone
/// left out (null) keep what is recorded, an empty string clears them; consents left out stay as recorded.
/// </summary>
public sealed record ProfileRequest(
    string? FullName, string? AcademicTitle, string? Degree, List<string>? Fields, string? Specialty, string? Organisation,
    Guid? AssociationId, bool? InProvince, string? Email, string? Phone, bool? ConsentToContact, bool? ConsentToAppearByName,
    string? UserName = null)
{
    public ProfileInput ToInput() => new(FullName, AcademicTitle, Degree, Fields, Specialty, Organisation, AssociationId, InProvince, Email, Phone);

    public ConsentAnswers ToConsent() => new(ConsentToContact, ConsentToAppearByName);
}

public sealed record ProfileContact(string? Email, string? Phone);

public sealed record ProfileConsentView(bool ToBeContacted, bool ToAppearByName, DateTimeOffset? RecordedAt);

/// <summary>A profile as shown; <see cref="Contact"/> and <see cref="Consent"/> only to the person and admins.</summary>
public sealed record ProfileView(
    Guid Id, string? UserName, string FullName, string TitledName, AcademicTitle AcademicTitle, Degree Degree, IReadOnlyList<string> Fields,
    string? Specialty, string? Organisation, Guid? AssociationId, string? AssociationName, bool InProvince,
    ProfileContact? Contact, ProfileConsentView? Consent, DateTimeOffset UpdatedAt)
{
    public static ProfileView Of(ExpertProfile p, IReadOnlyList<MemberAssociation> associations, bool withPrivate) => new(
        p.Id, p.UserName, p.FullName, p.TitledName, p.AcademicTitle, p.Degree, p.Fields, p.Details.Specialty, p.Details.Organisation,
        p.AssociationId, associations.FirstOrDefault(a => a.Id == p.AssociationId)?.Name, p.InProvince,
        withPrivate ? new ProfileContact(p.Details.Email, p.Details.Phone) : null,
        withPrivate ? new ProfileConsentView(p.Consent.ToBeContacted, p.Consent.ToAppearByName, p.ConsentRecordedAt) : null,
        p.UpdatedAt);
}

public sealed record RegistryResponse(IReadOnlyList<ProfileView> Items, int Page, int PageSize, long Total);

public sealed record AssociationRequest(string? Name);

public sealed record AssociationView(Guid Id, string Name, bool Retired)
{
    public static AssociationView Of(MemberAssociation a) => new(a.Id, a.Name, a.Retired);
}

public sealed record InterestsRequest(bool? HasInterests, string? Statement);

/// <summary>Body of <c>POST /api/experts/filters</c>: a name and the registry's query parameters.</summary>
public sealed record SavedFilterRequest(
    string? Name, string? Field, string? Degree, string? Title, string? Association, string? InProvince, string? Q);

public sealed record SavedFilterView(
    Guid Id, string Name, string? Field, string? Degree, string? Title, Guid? Association, bool? InProvince, string? Q,
    string SavedBy, DateTimeOffset SavedAt, bool Retired)
{
    public static SavedFilterView Of(SavedFilter f) => new(
        f.Id, f.Name, f.Filter.Field, f.Filter.Degree is { } d ? KebabCase.Name(d) : null, f.Filter.Title is { } t ? KebabCase.Name(t) : null,
        f.Filter.Association, f.Filter.InProvince, f.Filter.Text, f.SavedBy, f.SavedAt, f.Retired);
}

using Marten;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>Gives feedback's author snapshot the title, degree, organisation and fields of the author's profile.</summary>
public sealed class ProfileAuthors : IAuthorProfiles
{
    public async Task<AuthorProfile?> Find(IQuerySession session, string userName, CancellationToken cancellation)
    {
        var profile = await ExpertRegistry.ByUserName(session, userName, cancellation);
        if (profile is null) return null;
        var d = profile.Details;
        return new AuthorProfile(
            d.AcademicTitle == AcademicTitle.None ? null : ExpertVocabulary.Abbreviation(d.AcademicTitle),
            ExpertVocabulary.Abbreviation(d.Degree) is { Length: > 0 } degree ? degree : null,
            d.Organisation, d.Fields);
    }
}

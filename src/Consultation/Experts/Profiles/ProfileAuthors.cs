using Marten;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>
/// Gives feedback's author snapshot the title, degree, organisation and fields of the author's profile, and
/// whether they consent to appearing by name; gives live sessions the name to show for a participant.
/// </summary>
public sealed class ProfileAuthors(IDocumentStore store) : IAuthorProfiles
{
    public async Task<AuthorProfile?> Find(IQuerySession session, string userName, CancellationToken cancellation)
    {
        var profile = await ExpertRegistry.ByUserName(session, userName, cancellation);
        if (profile is null) return null;
        var d = profile.Details;
        return new AuthorProfile(
            d.AcademicTitle == AcademicTitle.None ? null : ExpertVocabulary.Abbreviation(d.AcademicTitle),
            ExpertVocabulary.Abbreviation(d.Degree) is { Length: > 0 } degree ? degree : null,
            d.Organisation, d.Fields, profile.AppearsByName);
    }

    /// <summary>The name others read next to what the person says: their own, or "Chuyên gia (lĩnh vực …)" without consent.</summary>
    public async Task<string> PublicName(string userName, string displayName, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await ExpertRegistry.ByUserName(session, userName, cancellation) is { AppearsByName: false } profile
            ? AuthorSnapshot.UnnamedExpert(profile.Fields)
            : displayName;
    }
}

using Marten;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>Gives feedback's author snapshot the title, degree, organisation and fields of the author's profile.</summary>
public sealed class ProfileAuthors : IAuthorProfiles
{
    public async Task<IReadOnlyDictionary<string, AuthorProfile>> Find(IQuerySession session, IReadOnlyCollection<string> userNames, CancellationToken cancellation)
    {
        var normalized = userNames.Select(ExpertProfile.Normalize).OfType<string>().Distinct().ToArray();
        var profiles = (await session.Query<ExpertProfile>().Where(x => normalized.Contains(x.NormalizedUserName)).ToListAsync(cancellation))
            .ToDictionary(p => p.NormalizedUserName!);
        return userNames.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(name => profiles.ContainsKey(ExpertProfile.Normalize(name)!))
            .ToDictionary(name => name, name => Of(profiles[ExpertProfile.Normalize(name)!].Details), StringComparer.OrdinalIgnoreCase);
    }

    private static AuthorProfile Of(ProfileDetails d) => new(
        d.AcademicTitle == AcademicTitle.None ? null : ExpertVocabulary.Abbreviation(d.AcademicTitle),
        ExpertVocabulary.Abbreviation(d.Degree) is { Length: > 0 } degree ? degree : null,
        d.Organisation, d.Fields);
}

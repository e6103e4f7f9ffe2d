using Marten;
using Marten.Services.BatchQuerying;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>
/// Gives feedback's author snapshot the title, degree, organisation and fields of the author's profile, and
/// whether they consent to appearing by name; gives live sessions the name to show for a participant.
/// </summary>
public sealed class ProfileAuthors(IDocumentStore store) : IAuthorProfiles
{
    public async Task<IReadOnlyDictionary<string, AuthorProfile>> Find(IQuerySession session, IReadOnlyCollection<string> userNames, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var found = Find(batch, userNames);
        await batch.Execute(cancellation);
        return await found;
    }

    public async Task<IReadOnlyDictionary<string, AuthorProfile>> Find(IBatchedQuery batch, IReadOnlyCollection<string> userNames)
    {
        var normalized = userNames.Select(ExpertProfile.Normalize).OfType<string>().Distinct().ToArray();
        // SQL rather than LINQ: this runs once per submission batch, and Marten parses a LINQ query on every call. The
        // condition is the expression of the unique index on the user name (ExpertsStore), so the index answers it.
        var profiles = (await batch.Query<ExpertProfile>("where data ->> 'normalizedUserName' = any(?)", [normalized]))
            .ToDictionary(p => p.NormalizedUserName!);
        return userNames.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(name => profiles.ContainsKey(ExpertProfile.Normalize(name)!))
            .ToDictionary(name => name, name => Of(profiles[ExpertProfile.Normalize(name)!]), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The name others read next to what the person says: their own, or "Chuyên gia (lĩnh vực …)" without consent.</summary>
    public async Task<string> PublicName(string userName, string displayName, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await ProfileQueries.ByUserName(session, userName, cancellation) is { AppearsByName: false } profile
            ? AuthorSnapshot.UnnamedExpert(profile.Fields)
            : displayName;
    }

    private static AuthorProfile Of(ExpertProfile profile)
    {
        var d = profile.Details;
        return new(
            d.AcademicTitle == AcademicTitle.None ? null : ExpertVocabulary.Abbreviation(d.AcademicTitle),
            ExpertVocabulary.Abbreviation(d.Degree) is { Length: > 0 } degree ? degree : null,
            d.Organisation, d.Fields, profile.AppearsByName);
    }
}

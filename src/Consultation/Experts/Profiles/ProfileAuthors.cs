using Marten;
using Marten.Services.BatchQuerying;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>
/// Gives feedback's author snapshot the title, degree, organisation and fields of the author's profile, and
/// whether they consent to appearing by name; gives live sessions the name to show for a participant; gives the
/// opinion map's group profiles each member's association (<see cref="ProfileDetails.AssociationId"/>, by name).
/// </summary>
public sealed class ProfileAuthors(IDocumentStore store) : IAuthorProfiles
{
    public async Task<IReadOnlyDictionary<string, AuthorProfile>> Find(IQuerySession session, IReadOnlyCollection<string> userNames, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var found = Profiles(batch, userNames);
        await batch.Execute(cancellation);
        var profiles = await found;
        var associationIds = profiles.Values.Select(p => p.AssociationId).OfType<Guid>().Distinct().ToArray();
        var associations = associationIds.Length == 0 ? [] : (await session.LoadManyAsync<MemberAssociation>(cancellation, associationIds)).ToDictionary(a => a.Id, a => a.Name);
        return profiles.ToDictionary(p => p.Key, p => Of(p.Value) with { Association = p.Value.AssociationId is { } id ? associations.GetValueOrDefault(id) : null }, StringComparer.OrdinalIgnoreCase);
    }

    public async Task<IReadOnlyDictionary<string, AuthorProfile>> Find(IBatchedQuery batch, IReadOnlyCollection<string> userNames) =>
        (await Profiles(batch, userNames)).ToDictionary(p => p.Key, p => Of(p.Value), StringComparer.OrdinalIgnoreCase);

    private static async Task<Dictionary<string, ExpertProfile>> Profiles(IBatchedQuery batch, IReadOnlyCollection<string> userNames)
    {
        var normalized = userNames.Select(ExpertProfile.Normalize).OfType<string>().Distinct().ToArray();
        // SQL rather than LINQ: this runs once per submission batch, and Marten parses a LINQ query on every call. The
        // condition is the expression of the unique index on the user name (ExpertsStore), so the index answers it.
        var profiles = (await batch.Query<ExpertProfile>("where data ->> 'normalizedUserName' = any(?)", [normalized]))
            .ToDictionary(p => p.NormalizedUserName!);
        return userNames.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(name => profiles.ContainsKey(ExpertProfile.Normalize(name)!))
            .ToDictionary(name => name, name => profiles[ExpertProfile.Normalize(name)!], StringComparer.OrdinalIgnoreCase);
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

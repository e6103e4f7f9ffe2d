using Marten;
using Nq45Consult.Consultation.Experts.Interests;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Experts.Profiles;

public sealed record PersonalDataEvent(string Type, DateTimeOffset At, object Data);

public sealed record PersonalData(
    string UserName, DateTimeOffset ExportedAt, ExpertProfile? Profile, IReadOnlyList<PersonalDataEvent> ProfileHistory,
    IReadOnlyList<InterestDeclaration> InterestDeclarations, IReadOnlyList<FeedbackItem> Feedback);

/// <summary>The person's own personal-data export.</summary>
public sealed class PersonalDataExport(IDocumentStore store, TimeProvider time)
{
    /// <summary>Everything held about a person: profile, its full history (consents with their times), declarations and feedback.</summary>
    public async Task<PersonalData> Export(string userName, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var profile = await ProfileQueries.ByUserName(session, userName, cancellation);
        var history = profile is null ? [] : (await session.Events.FetchStreamAsync(profile.Id, token: cancellation))
            .Select(e => new PersonalDataEvent(e.EventTypeName, e.Timestamp, e.Data)).ToList();
        var normalized = userName.Trim().ToUpperInvariant();
        var declarations = await session.Query<InterestDeclaration>().Where(d => d.NormalizedUserName == normalized).ToListAsync(cancellation);
        var feedback = await session.Query<FeedbackItem>().Where(x => x.AuthorUserName == normalized).ToListAsync(cancellation);
        return new PersonalData(userName, time.GetUtcNow(), profile, history, declarations, feedback);
    }
}

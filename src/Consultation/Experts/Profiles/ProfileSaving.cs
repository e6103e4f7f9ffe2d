using Marten;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Feedback.Authoring;

namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>How the profile use cases validate, decide and append: shared by <see cref="SaveOwnProfile"/>, <see cref="CreateProfile"/> and <see cref="EditProfile"/>.</summary>
internal static class ProfileSaving
{
    public static async Task<ProfileOutcome> Save(
        IDocumentSession session, TimeProvider time, IReadOnlyList<string> fields, ExpertProfile? current, string? userName,
        ProfileInput input, ConsentAnswers? answers, string by, CancellationToken cancellation)
    {
        var open = await AssociationQueries.OpenIds(session, cancellation);
        var (details, errors) = input.KeepingContact(current?.Details).Validate(fields, open.Contains);
        if (details is null) return new(Decision.Invalid(errors), null);
        var id = current?.Id ?? Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var decision = SaveProfile.Decide(current, new SaveProfile(id, userName, null, details, answers?.Over(current?.Consent), by), now);
        if (decision.Events.Count > 0)
        {
            if (current is null) session.Events.StartStream<ExpertProfile>(id, decision.Events);
            else (await session.Events.FetchForWriting<ExpertProfile>(id, cancellation)).AppendMany(decision.Events);
            await PresentFeedbackAsConsented(session, current, userName, decision.Events, by, now, cancellation);
            await session.SaveChangesAsync(cancellation);
        }
        return new(decision, await session.LoadAsync<ExpertProfile>(id, cancellation));
    }

    /// <summary>
    /// When consent to appear by name is given or withdrawn, Feedback presents every item the person wrote accordingly,
    /// in the same transaction (an account without a profile was named, as it signed its items).
    /// </summary>
    private static async Task PresentFeedbackAsConsented(
        IDocumentSession session, ExpertProfile? current, string? userName, IReadOnlyList<object> events, string by, DateTimeOffset now,
        CancellationToken cancellation)
    {
        if (userName is null) return;
        var consent = events.OfType<ExpertConsentRecorded>().LastOrDefault()?.Consent ?? current?.Consent ?? new ProfileConsent(false, false);
        var appears = consent.ToAppearByName;
        if (appears == (current?.AppearsByName ?? true)) return;
        await PresentAuthorAsConsented.AppendAsync(session, new PresentAuthorAsConsented(userName, appears, by), now, cancellation);
    }
}

using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Counting;

namespace Nq45Consult.Consultation.Review.Responding;

/// <summary>
/// One answer for a group of near-duplicate items: each item gets the same decision and explanation, marked with
/// one group id, all in one transaction — if any item may not be answered, none is. Each item is decided by
/// <see cref="RespondToFeedback.Decide"/>.
/// </summary>
public sealed record RespondToGroup(Guid ConsultationId, IReadOnlyList<Guid>? ItemIds, string? Decision, string? Explanation, Caller Official)
{
    public const int MaxItems = 1_000;
}

/// <summary>Loads the consultation (locked) and every item, decides each, appends all or nothing.</summary>
public sealed class RespondToGroupHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(RespondToGroup command, CancellationToken cancellation)
    {
        var (consultationId, itemIds) = (command.ConsultationId, command.ItemIds);
        if (itemIds is not { Count: >= 2 and <= RespondToGroup.MaxItems })
            return Decision.Invalid("itemIds", DomainText.GroupSize(RespondToGroup.MaxItems));
        if (RespondToFeedback.Validate(command.Decision, command.Explanation) is { } errors) return Decision.Invalid(errors);
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        // Locked until commit, so responses are not stored after they were published.
        if (!(await ConsultationLock.Hold(session, [consultationId], cancellation)).TryGetValue(consultationId, out var consultation))
            return Decision.NotFound(DomainText.ConsultationNotFound);
        var target = FeedbackTarget.Of(consultation, []);
        var tally = new FeedbackTally();
        var groupId = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var all = new List<object>();
        foreach (var id in itemIds.Distinct())
        {
            var stream = await session.Events.FetchForWriting<FeedbackState>(id, cancellation);
            if (stream.Aggregate is not { } item || item.ConsultationId != consultationId)
                return Decision.Invalid("itemIds", DomainText.FeedbackNotInConsultation(id));
            var answered = RespondToFeedback.Decide(item, target,
                new RespondToFeedback(id, command.Decision, command.Explanation, command.Official, groupId), now);
            if (!answered.Accepted) return answered;
            stream.AppendMany(answered.Events);
            tally.Change(item, answered.Events);
            all.AddRange(answered.Events);
        }
        tally.Queue(session);
        await session.SaveChangesAsync(cancellation);
        return Decision.Accept([.. all]);
    }
}

using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Counting;

namespace Nq45Consult.Consultation.Review.Responding;

/// <summary>
/// One answer for a group of near-duplicate items: each item gets the same decision and explanation, marked with
/// one group id, all in one transaction — if any item may not be answered, none is.
/// </summary>
public sealed class RespondToGroup(IDocumentStore store, TimeProvider time)
{
    public const int MaxItems = 1_000;

    public async Task<Decision> Execute(
        Guid consultationId, IReadOnlyList<Guid>? itemIds, string? decision, string? explanation, Participant official, CancellationToken cancellation = default)
    {
        if (itemIds is not { Count: >= 2 and <= MaxItems })
            return Decision.Invalid("itemIds", $"Một nhóm gồm từ 2 đến {MaxItems} góp ý.");
        if (RespondToFeedback.Validate(decision, explanation) is { } errors) return Decision.Invalid(errors);
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        // Locked until commit, so responses are not stored after they were published.
        if (!(await ConsultationLock.Hold(session, [consultationId], cancellation)).TryGetValue(consultationId, out var consultation))
            return Decision.NotFound("Không tìm thấy đợt lấy ý kiến.");
        var target = FeedbackTarget.Of(consultation, []);
        var tally = new FeedbackTally();
        var groupId = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var all = new List<object>();
        foreach (var id in itemIds.Distinct())
        {
            var stream = await session.Events.FetchForWriting<FeedbackState>(id, cancellation);
            if (stream.Aggregate is not { } item || item.ConsultationId != consultationId)
                return Decision.Invalid("itemIds", $"Góp ý {id} không thuộc đợt lấy ý kiến này.");
            var answered = RespondToFeedback.Decide(item, target, new RespondToFeedback(id, decision, explanation, official, groupId), now);
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

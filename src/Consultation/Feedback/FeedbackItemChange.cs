using JasperFx;
using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback.Counting;

namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// What every handler that changes an existing item does (revise, withdraw, report, moderate, respond): load the item
/// and its consultation, decide, append and save in one transaction, which also writes the item's inline document and
/// adds the change to the consultation's counters (<see cref="FeedbackCounters"/>). The consultation is read with a
/// share lock in that transaction (<see cref="ConsultationLock"/>), so nothing decided on "open" is stored after the
/// close is acknowledged.
/// </summary>
internal static class FeedbackItemChange
{
    public static string ItemNotFound => DomainText.FeedbackNotFound;
    public static string ConsultationNotFound => DomainText.ConsultationNotFound;

    /// <summary>
    /// Applies <paramref name="decide"/> to the item and its consultation (with the sections of the draft version the
    /// item was written on). With <paramref name="expectedVersion"/> the append only succeeds if the stream is still at
    /// that version (optimistic concurrency, 412).
    /// </summary>
    public static async Task<FeedbackOutcome> Run(
        IDocumentStore store, PublishedSections sections, TimeProvider time, Guid feedbackId, long? expectedVersion,
        Func<FeedbackState, FeedbackTarget, DateTimeOffset, Decision> decide, CancellationToken cancellation)
    {
        // No stream has the empty id (a form posted without one): Marten would refuse to read it rather than find nothing.
        if (feedbackId == Guid.Empty) return FeedbackOutcome.NotFound(ItemNotFound);
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        try
        {
            var stream = expectedVersion is { } expected
                ? await session.Events.FetchForWriting<FeedbackState>(feedbackId, expected, cancellation)
                : await session.Events.FetchForWriting<FeedbackState>(feedbackId, cancellation);
            if (stream.Aggregate is not { } item) return FeedbackOutcome.NotFound(ItemNotFound);
            var consultations = await ConsultationLock.Hold(session, [item.ConsultationId], cancellation);
            if (!consultations.TryGetValue(item.ConsultationId, out var consultation)) return FeedbackOutcome.NotFound(ConsultationNotFound);
            var target = await sections.Target(session, consultation, item.DraftVersion, cancellation);
            var decision = decide(item, target, time.GetUtcNow());
            if (!decision.Accepted) return FeedbackOutcome.Refused(decision);
            stream.AppendMany(decision.Events);
            var tally = new FeedbackTally();
            tally.Change(item, decision.Events);
            tally.Queue(session);
            await session.SaveChangesAsync(cancellation);
            return new FeedbackOutcome(decision, feedbackId, stream.CurrentVersion ?? 0);
        }
        catch (ConcurrencyException)
        {
            // Marten reports a missing stream as a version mismatch too.
            await using var query = store.QuerySession();
            return await query.Events.FetchStreamStateAsync(feedbackId, cancellation) is null
                ? FeedbackOutcome.NotFound(ItemNotFound)
                : FeedbackOutcome.StaleVersion;
        }
    }
}

using JasperFx;
using Marten;
using Marten.Exceptions;
using Nq45Consult.Consultation.Drafts.Consultations;
using Nq45Consult.Consultation.Feedback.Submitting;

namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// Runs the feedback decide functions against the event store: load what they need, decide, append and
/// save in one session (the item's inline document is written in the same transaction).
/// </summary>
public sealed class FeedbackCommands(IDocumentStore store, TimeProvider time, IAuthorProfiles? profiles = null)
{
    private const string ItemNotFound = "Không tìm thấy góp ý.";
    private const string ConsultationNotFound = "Không tìm thấy đợt lấy ý kiến.";
    private const int MaxCachedVersions = 256;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<SectionSnapshot>> publishedSections = new();

    public async Task<FeedbackOutcome> Submit(
        Guid consultationId, string? sectionAnchor, FeedbackInput input, Participant author, string? idempotencyKey,
        CancellationToken cancellation = default)
    {
        if (idempotencyKey is { Length: 0 or > SubmissionReceipt.MaxKeyLength })
            return FeedbackOutcome.Refused(FeedbackDecision.Invalid("Idempotency-Key", $"Khoá chống gửi trùng dài từ 1 đến {SubmissionReceipt.MaxKeyLength} ký tự."));
        var receiptId = idempotencyKey is null ? null : SubmissionReceipt.IdOf(author.UserName, idempotencyKey);
        await using var session = store.LightweightSession();
        if (receiptId is not null && await session.LoadAsync<SubmissionReceipt>(receiptId, cancellation) is { } earlier)
            return Replay(earlier, consultationId);

        var target = await Target(session, consultationId, version: null, cancellation);
        if (target is null) return FeedbackOutcome.NotFound(ConsultationNotFound);
        if (profiles is not null) author = author with { Profile = await profiles.Find(session, author.UserName, cancellation) };
        var id = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var decision = SubmitFeedback.Decide(target, new SubmitFeedback(id, sectionAnchor, input, author), now);
        if (!decision.Accepted) return FeedbackOutcome.Refused(decision);

        session.Events.StartStream<FeedbackState>(id, decision.Events);
        if (receiptId is not null) session.Insert(new SubmissionReceipt(receiptId, id, consultationId, decision.Events.Count, now));
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (DocumentAlreadyExistsException) when (receiptId is not null)
        {
            // A concurrent request with the same key committed first; its transaction holds the only item.
            await using var again = store.QuerySession();
            var first = await again.LoadAsync<SubmissionReceipt>(receiptId, cancellation)
                ?? throw new InvalidOperationException("The competing submission's receipt is missing.");
            return Replay(first, consultationId);
        }
        return new FeedbackOutcome(decision, id, decision.Events.Count);
    }

    /// <summary>
    /// Applies a decide function to an item and its consultation. With <paramref name="expectedVersion"/>
    /// the append only succeeds if the stream is still at that version (optimistic concurrency, 412).
    /// </summary>
    public async Task<FeedbackOutcome> Execute(
        Guid feedbackId, long? expectedVersion, Func<FeedbackState, FeedbackTarget, DateTimeOffset, FeedbackDecision> decide,
        CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        try
        {
            var stream = expectedVersion is { } expected
                ? await session.Events.FetchForWriting<FeedbackState>(feedbackId, expected, cancellation)
                : await session.Events.FetchForWriting<FeedbackState>(feedbackId, cancellation);
            if (stream.Aggregate is not { } item) return FeedbackOutcome.NotFound(ItemNotFound);
            var target = await Target(session, item.ConsultationId, item.DraftVersion, cancellation);
            if (target is null) return FeedbackOutcome.NotFound(ConsultationNotFound);
            var decision = decide(item, target, time.GetUtcNow());
            if (!decision.Accepted) return FeedbackOutcome.Refused(decision);
            stream.AppendMany(decision.Events);
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

    private static FeedbackOutcome Replay(SubmissionReceipt receipt, Guid consultationId) =>
        receipt.ConsultationId == consultationId
            ? new FeedbackOutcome(FeedbackDecision.Accept(), receipt.FeedbackId, receipt.Version) { Replayed = true }
            : FeedbackOutcome.Refused(FeedbackDecision.Conflict("Khoá chống gửi trùng này đã được dùng cho một đợt lấy ý kiến khác."));

    /// <summary>
    /// The consultation with the sections of <paramref name="version"/> (the current one when null). The
    /// consultation is read fresh each time (its status decides); a published version never changes, so its
    /// sections are kept in memory instead of loading and deserialising the whole draft on every submission.
    /// </summary>
    private async Task<FeedbackTarget?> Target(IQuerySession session, Guid consultationId, int? version, CancellationToken cancellation)
    {
        var consultation = await session.LoadAsync<ConsultationDetails>(consultationId, cancellation);
        if (consultation is null) return null;
        var wanted = version ?? consultation.CurrentVersion;
        if (wanted == 0) return FeedbackTarget.Of(consultation, []);
        var id = DraftVersion.IdOf(consultationId, wanted);
        if (!publishedSections.TryGetValue(id, out var sections))
        {
            sections = (await session.LoadAsync<DraftVersion>(id, cancellation))?.Sections ?? [];
            if (publishedSections.Count >= MaxCachedVersions) publishedSections.Clear();
            publishedSections[id] = sections;
        }
        return FeedbackTarget.Of(consultation, sections);
    }
}

using JasperFx;
using Marten;
using Marten.Exceptions;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback.Counting;
using Nq45Consult.Consultation.Feedback.Submitting;
using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// Runs the feedback decide functions against the event store: load what they need, decide, append and save in one
/// transaction, which also writes the item's inline document and adds the change to the consultation's counters
/// (<see cref="FeedbackCounters"/>). The consultation is read with a share lock in that transaction
/// (<see cref="ConsultationLock"/>), so nothing decided on "open" is stored after the close is acknowledged.
/// Submissions are group-committed: those that arrive while a transaction is under way are decided and stored
/// together in the next one (one consultation read, one commit), each answered only after that commit.
/// </summary>
public sealed class FeedbackCommands
{
    private const string ItemNotFound = "Không tìm thấy góp ý.";
    private const string ConsultationNotFound = "Không tìm thấy đợt lấy ý kiến.";
    private const int MaxCachedVersions = 256;

    /// <summary>Most submissions stored in one transaction; a longer queue is taken in several.</summary>
    private const int MaxBatch = 200;

    private readonly IDocumentStore store;
    private readonly TimeProvider time;
    private readonly IAuthorProfiles? profiles;
    private readonly GroupCommit<Submission, FeedbackOutcome> submissions;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<SectionSnapshot>> publishedSections = new();

    public FeedbackCommands(IDocumentStore store, TimeProvider time, IAuthorProfiles? profiles = null)
    {
        (this.store, this.time, this.profiles) = (store, time, profiles);
        submissions = new(SubmitTogether, MaxBatch);
    }

    public Task<FeedbackOutcome> Submit(
        Guid consultationId, string? sectionAnchor, FeedbackInput input, Participant author, string? idempotencyKey,
        CancellationToken cancellation = default)
    {
        if (idempotencyKey is { Length: 0 or > SubmissionReceipt.MaxKeyLength })
            return Task.FromResult(FeedbackOutcome.Refused(Decision.Invalid("Idempotency-Key", $"Khoá chống gửi trùng dài từ 1 đến {SubmissionReceipt.MaxKeyLength} ký tự.")));
        var receiptId = idempotencyKey is null ? null : SubmissionReceipt.IdOf(author.UserName, idempotencyKey);
        return submissions.Enqueue(new Submission(consultationId, sectionAnchor, input, author, receiptId), cancellation);
    }

    /// <summary>
    /// Stores a batch in one transaction. If that transaction fails, no submission of it was stored, and each is tried
    /// again alone, so one that cannot be stored fails by itself.
    /// </summary>
    private async Task<IReadOnlyList<Task<FeedbackOutcome>>> SubmitTogether(IReadOnlyList<Submission> batch)
    {
        if (batch.Count > 1)
        {
            try
            {
                return [.. (await Store(batch)).Select(Task.FromResult)];
            }
            catch (Exception)
            {
                // Nothing of the batch was stored; each is tried alone below.
            }
        }
        var alone = new List<Task<FeedbackOutcome>>();
        foreach (var submission in batch)
        {
            var attempt = Alone(submission);
            try
            {
                await attempt;
            }
            catch (Exception)
            {
                // The failure is this submission's alone: its caller gets it from the task.
            }
            alone.Add(attempt);
        }
        return alone;
    }

    private async Task<FeedbackOutcome> Alone(Submission submission)
    {
        try
        {
            return (await Store([submission]))[0];
        }
        catch (DocumentAlreadyExistsException) when (submission.ReceiptId is not null)
        {
            // A concurrent request with the same key committed first (on another node); its transaction holds the only item.
            await using var again = store.QuerySession();
            var first = await again.LoadAsync<SubmissionReceipt>(submission.ReceiptId)
                ?? throw new InvalidOperationException("The competing submission's receipt is missing.");
            return Replay(first, submission.ConsultationId);
        }
    }

    private async Task<IReadOnlyList<FeedbackOutcome>> Store(IReadOnlyList<Submission> batch)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(CancellationToken.None);
        // The batch's reads in one round trip: its consultations (share-locked), the receipts of its keys, its authors' profiles.
        var reads = session.CreateBatchQuery();
        var locked = ConsultationLock.Hold(session, reads, batch.Select(s => s.ConsultationId));
        var receiptIds = batch.Select(s => s.ReceiptId).OfType<string>().Distinct().ToArray();
        var earlierReceipts = receiptIds.Length == 0 ? null : reads.LoadMany<SubmissionReceipt>().ById(receiptIds);
        var profilesFound = profiles?.Find(reads, [.. batch.Select(s => s.Author.UserName).Distinct(StringComparer.OrdinalIgnoreCase)]);
        await reads.Execute();
        var consultations = await locked;
        var receipts = earlierReceipts is null ? [] : (await earlierReceipts).ToDictionary(r => r.Id);
        var authorProfiles = profilesFound is null ? null : await profilesFound;

        var outcomes = new FeedbackOutcome[batch.Count];
        var sameKeyAs = new Dictionary<int, int>();
        var storedUnder = new Dictionary<string, int>();
        var tally = new FeedbackTally();
        var now = time.GetUtcNow();
        for (var i = 0; i < batch.Count; i++)
        {
            var submission = batch[i];
            if (submission.ReceiptId is { } receiptId)
            {
                if (receipts.TryGetValue(receiptId, out var earlier))
                {
                    outcomes[i] = Replay(earlier, submission.ConsultationId);
                    continue;
                }
                if (storedUnder.TryGetValue(receiptId, out var first))
                {
                    sameKeyAs[i] = first; // a retry that arrived with the first: answered with the first's result
                    continue;
                }
            }
            if (!consultations.TryGetValue(submission.ConsultationId, out var consultation))
            {
                outcomes[i] = FeedbackOutcome.NotFound(ConsultationNotFound);
                continue;
            }
            var target = await Target(session, consultation, version: null);
            var author = authorProfiles is null ? submission.Author : submission.Author with { Profile = authorProfiles.GetValueOrDefault(submission.Author.UserName) };
            var id = Guid.CreateVersion7();
            var decision = SubmitFeedback.Decide(target, new SubmitFeedback(id, submission.SectionAnchor, submission.Input, author), now);
            if (!decision.Accepted)
            {
                outcomes[i] = FeedbackOutcome.Refused(decision);
                continue;
            }
            session.Events.StartStream<FeedbackState>(id, decision.Events);
            tally.Change(null, decision.Events);
            if (submission.ReceiptId is not null)
            {
                session.Insert(new SubmissionReceipt(submission.ReceiptId, id, submission.ConsultationId, decision.Events.Count, now));
                storedUnder[submission.ReceiptId] = i;
            }
            outcomes[i] = new FeedbackOutcome(decision, id, decision.Events.Count);
        }
        tally.Queue(session);
        await session.SaveChangesAsync();
        foreach (var (i, first) in sameKeyAs)
            outcomes[i] = Replay(new SubmissionReceipt(batch[i].ReceiptId!, outcomes[first].Id, batch[first].ConsultationId, outcomes[first].Version, now), batch[i].ConsultationId);
        return outcomes;
    }

    /// <summary>
    /// Applies a decide function to an item and its consultation. With <paramref name="expectedVersion"/>
    /// the append only succeeds if the stream is still at that version (optimistic concurrency, 412).
    /// </summary>
    public async Task<FeedbackOutcome> Execute(
        Guid feedbackId, long? expectedVersion, Func<FeedbackState, FeedbackTarget, DateTimeOffset, Decision> decide,
        CancellationToken cancellation = default)
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
            var target = await Target(session, consultation, item.DraftVersion, cancellation);
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

    private static FeedbackOutcome Replay(SubmissionReceipt receipt, Guid consultationId) =>
        receipt.ConsultationId == consultationId
            ? new FeedbackOutcome(Decision.Accept(), receipt.FeedbackId, receipt.Version) { Replayed = true }
            : FeedbackOutcome.Refused(Decision.Conflict("Khoá chống gửi trùng này đã được dùng cho một đợt lấy ý kiến khác."));

    /// <summary>
    /// The consultation with the sections of <paramref name="version"/> (the current one when null). The consultation
    /// is read by the caller in its transaction (its status decides); a published version never changes, so its
    /// sections are kept in memory instead of loading and deserialising the whole draft on every submission.
    /// </summary>
    private async Task<FeedbackTarget> Target(IQuerySession session, ConsultationDetails consultation, int? version, CancellationToken cancellation = default)
    {
        var wanted = version ?? consultation.CurrentVersion;
        if (wanted == 0) return FeedbackTarget.Of(consultation, []);
        var id = DraftVersion.IdOf(consultation.Id, wanted);
        if (!publishedSections.TryGetValue(id, out var sections))
        {
            sections = (await session.LoadAsync<DraftVersion>(id, cancellation))?.Sections ?? [];
            if (publishedSections.Count >= MaxCachedVersions) publishedSections.Clear();
            publishedSections[id] = sections;
        }
        return FeedbackTarget.Of(consultation, sections);
    }

    private sealed record Submission(Guid ConsultationId, string? SectionAnchor, FeedbackInput Input, Participant Author, string? ReceiptId);
}

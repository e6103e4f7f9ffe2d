using System.Globalization;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback.Counting;
using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Consultation.Feedback.Submitting;

/// <summary>
/// An expert's critique of one section of the current draft (or of the draft as a whole when the anchor is null).
/// <see cref="IdempotencyKey"/>: a retry with the same key gets the first result, nothing new stored.
/// </summary>
public sealed record SubmitFeedback(Guid ConsultationId, string? SectionAnchor, FeedbackInput Input, Caller Author, string? IdempotencyKey = null)
{
    /// <summary>The item <paramref name="feedbackId"/>, written by the author as <paramref name="profile"/> (their expert profile, if any) presents them.</summary>
    public static Decision Decide(FeedbackTarget target, Guid feedbackId, AuthorProfile? profile, SubmitFeedback command, DateTimeOffset now)
    {
        if (!target.Admits(command.Author))
            return Decision.Forbid(command.Author.IsExpert
                ? DomainText.InvitedExpertsOnly
                : DomainText.FeedbackExpertsOnly);
        if (!target.IsOpen) return Decision.Conflict(FeedbackTarget.NotOpenReason(target.Status));

        var errors = new Dictionary<string, string[]>();
        string? sectionText = null;
        if (command.SectionAnchor is { } anchor)
        {
            var section = target.Section(anchor);
            if (section is null) return Decision.Invalid("sectionAnchor", DomainText.DraftHasNoSection(anchor));
            sectionText = section.Text;
        }
        var content = FeedbackContent.From(command.Input, sectionText, errors);
        if (content is null) return Decision.Invalid(errors);
        return Decision.Accept(new FeedbackSubmitted(
            feedbackId, target.ConsultationId, target.Version, command.SectionAnchor, content, AuthorSnapshot.Of(command.Author, profile), now));
    }
}

/// <summary>
/// Stores submissions, group-committed: those that arrive while a transaction is under way are decided and stored
/// together in the next one (one consultation read, one commit), each answered only after that commit. The
/// consultations are share-locked in that transaction (<see cref="ConsultationLock"/>), and the item's inline document
/// and the consultation's counters (<see cref="FeedbackCounters"/>) are written with its events.
/// </summary>
public sealed class SubmitFeedbackHandler
{
    /// <summary>Most submissions stored in one transaction; a longer queue is taken in several.</summary>
    private const int MaxBatch = 200;

    private readonly IDocumentStore store;
    private readonly TimeProvider time;
    private readonly PublishedSections sections;
    private readonly IAuthorProfiles? profiles;
    private readonly GroupCommit<Submission, FeedbackOutcome> submissions;

    public SubmitFeedbackHandler(IDocumentStore store, TimeProvider time, PublishedSections sections, IAuthorProfiles? profiles = null)
    {
        (this.store, this.time, this.sections, this.profiles) = (store, time, sections, profiles);
        submissions = new(SubmitTogether, MaxBatch);
    }

    public Task<FeedbackOutcome> Handle(SubmitFeedback command, CancellationToken cancellation)
    {
        if (command.IdempotencyKey is { Length: 0 or > SubmissionReceipt.MaxKeyLength })
            return Task.FromResult(FeedbackOutcome.Refused(Decision.Invalid("Idempotency-Key", DomainText.IdempotencyKeyLength(SubmissionReceipt.MaxKeyLength))));
        var receiptId = command.IdempotencyKey is null ? null : SubmissionReceipt.IdOf(command.Author.UserName, command.IdempotencyKey);
        return submissions.Enqueue(new Submission(command, receiptId, CultureInfo.CurrentUICulture), cancellation);
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
            return Replay(first, submission.Command.ConsultationId);
        }
    }

    private async Task<IReadOnlyList<FeedbackOutcome>> Store(IReadOnlyList<Submission> batch)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(CancellationToken.None);
        // The batch's reads in one round trip: its consultations (share-locked), the receipts of its keys, its authors' profiles.
        var reads = session.CreateBatchQuery();
        var locked = ConsultationLock.Hold(session, reads, batch.Select(s => s.Command.ConsultationId));
        var receiptIds = batch.Select(s => s.ReceiptId).OfType<string>().Distinct().ToArray();
        var earlierReceipts = receiptIds.Length == 0 ? null : reads.LoadMany<SubmissionReceipt>().ById(receiptIds);
        var profilesFound = profiles?.Find(reads, [.. batch.Select(s => s.Command.Author.UserName).Distinct(StringComparer.OrdinalIgnoreCase)]);
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
            var (command, receiptId, reader) = batch[i];
            // One loop serves every submitter: each refusal is written in the language of the one it answers.
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = reader;
            if (receiptId is not null)
            {
                if (receipts.TryGetValue(receiptId, out var earlier))
                {
                    outcomes[i] = Replay(earlier, command.ConsultationId);
                    continue;
                }
                if (storedUnder.TryGetValue(receiptId, out var first))
                {
                    sameKeyAs[i] = first; // a retry that arrived with the first: answered with the first's result
                    continue;
                }
            }
            if (!consultations.TryGetValue(command.ConsultationId, out var consultation))
            {
                outcomes[i] = FeedbackOutcome.NotFound(FeedbackItemChange.ConsultationNotFound);
                continue;
            }
            var target = await sections.Target(session, consultation, version: null);
            var id = Guid.CreateVersion7();
            var decision = SubmitFeedback.Decide(target, id, authorProfiles?.GetValueOrDefault(command.Author.UserName), command, now);
            if (!decision.Accepted)
            {
                outcomes[i] = FeedbackOutcome.Refused(decision);
                continue;
            }
            session.Events.StartStream<FeedbackState>(id, decision.Events);
            tally.Change(null, decision.Events);
            if (receiptId is not null)
            {
                session.Insert(new SubmissionReceipt(receiptId, id, command.ConsultationId, decision.Events.Count, now));
                storedUnder[receiptId] = i;
            }
            outcomes[i] = new FeedbackOutcome(decision, id, decision.Events.Count);
        }
        tally.Queue(session);
        await session.SaveChangesAsync();
        foreach (var (i, first) in sameKeyAs)
            outcomes[i] = Replay(new SubmissionReceipt(batch[i].ReceiptId!, outcomes[first].Id, batch[first].Command.ConsultationId, outcomes[first].Version, now), batch[i].Command.ConsultationId);
        return outcomes;
    }

    private static FeedbackOutcome Replay(SubmissionReceipt receipt, Guid consultationId) =>
        receipt.ConsultationId == consultationId
            ? new FeedbackOutcome(Decision.Accept(), receipt.FeedbackId, receipt.Version) { Replayed = true }
            : FeedbackOutcome.Refused(Decision.Conflict(DomainText.IdempotencyKeyUsedElsewhere));

    private sealed record Submission(SubmitFeedback Command, string? ReceiptId, CultureInfo Reader);
}

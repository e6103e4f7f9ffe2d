using System.Globalization;
using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback.Counting;

namespace Nq45Consult.Consultation.Feedback.Recording;

/// <summary>The provenance as received: text, so a bad value is reported against its field.</summary>
public sealed record ProvenanceInput(string? Kind, string? Sender, string? DocumentReference, string? ReceivedOn);

/// <summary>
/// A moderator records a comment received on paper, from an organisation or at a meeting, on its sender's behalf: the
/// same content as an expert's item, with its provenance. The item's author is the sender (a name, never an account:
/// its user name is <see cref="SenderUserName"/>, which no account can have), so nobody can revise or withdraw it as
/// its author. Accepted while the consultation is open or after it closed (letters arrive late; the report must
/// account for them), not before it opens.
/// </summary>
public sealed record RecordFeedbackOnBehalf(Guid ConsultationId, string? SectionAnchor, FeedbackInput Input, ProvenanceInput Provenance, Caller Moderator)
{
    /// <summary>Account names have no ':' (NewAccount): the sender's stands apart from every person's, the same for one sender's letters.</summary>
    public static string SenderUserName(string sender) => "on-behalf:" + string.Join('-', TextFold.Fold(sender).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static Decision Decide(FeedbackTarget target, Guid feedbackId, RecordFeedbackOnBehalf command, DateTimeOffset now)
    {
        if (!command.Moderator.IsModerator) return Decision.Forbid(DomainText.OnBehalfModeratorsOnly);
        if (target.Status == ConsultationStatus.Draft) return Decision.Conflict(DomainText.ConsultationNotOpenYet);
        var errors = new Dictionary<string, string[]>();
        string? sectionText = null;
        if (command.SectionAnchor is { } anchor)
        {
            if (target.Section(anchor) is not { } section)
                return Decision.Invalid("sectionAnchor", DomainText.DraftHasNoSection(anchor));
            sectionText = section.Text;
        }
        var content = FeedbackContent.From(command.Input, sectionText, errors);
        var provenance = ProvenanceOf(command.Provenance, now, errors);
        if (content is null || provenance is null) return Decision.Invalid(errors);
        var author = new AuthorSnapshot(
            SenderUserName(provenance.Sender), provenance.Sender, Organisation: provenance.Kind == ProvenanceKind.Organisation ? provenance.Sender : null);
        return Decision.Accept(
            new FeedbackSubmitted(feedbackId, target.ConsultationId, target.Version, command.SectionAnchor, content, author, now),
            new FeedbackRecordedOnBehalf(feedbackId, provenance, command.Moderator.UserName, now));
    }

    private static FeedbackProvenance? ProvenanceOf(ProvenanceInput input, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        if (!KebabCase.TryParse<ProvenanceKind>(input.Kind, out var kind))
            errors["provenance.kind"] = [DomainText.ProvenanceKindMustBeOneOf(KebabCase.Names<ProvenanceKind>())];
        var sender = input.Sender?.Trim();
        if (string.IsNullOrEmpty(sender)) errors["provenance.sender"] = [DomainText.ProvenanceSenderRequired];
        else if (sender.Length > FeedbackProvenance.MaxSenderLength)
            errors["provenance.sender"] = [DomainText.ProvenanceTooLong(FeedbackProvenance.MaxSenderLength)];
        var reference = string.IsNullOrWhiteSpace(input.DocumentReference) ? null : input.DocumentReference.Trim();
        if (reference?.Length > FeedbackProvenance.MaxReferenceLength)
            errors["provenance.documentReference"] = [DomainText.ProvenanceTooLong(FeedbackProvenance.MaxReferenceLength)];
        // Today where the letters arrive (UTC+7), so a letter stamped this morning in Vietnam is not "in the future".
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime);
        if (!DateOnly.TryParseExact(input.ReceivedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var received) || received > today)
            errors["provenance.receivedOn"] = [DomainText.ProvenanceReceivedOnInvalid];
        return errors.Count > before ? null : new FeedbackProvenance(kind, sender!, reference, received);
    }
}

/// <summary>
/// Loads the consultation (share-locked, as submissions do: nothing is stored against a status that has changed),
/// decides, starts the item's stream and counts it.
/// </summary>
public sealed class RecordFeedbackOnBehalfHandler(IDocumentStore store, PublishedSections sections, TimeProvider time)
{
    public async Task<FeedbackOutcome> Handle(RecordFeedbackOnBehalf command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        var consultations = await ConsultationLock.Hold(session, [command.ConsultationId], cancellation);
        if (!consultations.TryGetValue(command.ConsultationId, out var consultation)) return FeedbackOutcome.NotFound(FeedbackItemChange.ConsultationNotFound);
        var target = await sections.Target(session, consultation, version: null, cancellation);
        var id = Guid.CreateVersion7();
        var decision = RecordFeedbackOnBehalf.Decide(target, id, command, time.GetUtcNow());
        if (!decision.Accepted) return FeedbackOutcome.Refused(decision);
        session.Events.StartStream<FeedbackState>(id, decision.Events);
        var tally = new FeedbackTally();
        tally.Change(null, decision.Events);
        tally.Queue(session);
        await session.SaveChangesAsync(cancellation);
        return new FeedbackOutcome(decision, id, decision.Events.Count);
    }
}

using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback.Recording;

namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// One feedback item's history as a caller may read it. Only a feedback item's stream is read (any other id is
/// "not found", so the route cannot be pointed at a survey, session, account or profile stream), and each entry is
/// built from a list of fields per event type, never from the stored event: an anonymous or unconsenting author
/// (in the submission and in every action they took) is named to moderators only, the reporters of an item too,
/// and a response before its publication only to officials, as on every other view of an item.
/// </summary>
public sealed class FeedbackHistory(IQuerySession session)
{
    /// <summary>The entries, oldest first; null when <paramref name="feedbackId"/> is not a feedback item the caller may read the history of.</summary>
    public async Task<IReadOnlyList<FeedbackHistoryEntry>?> Read(Guid feedbackId, Caller? caller, CancellationToken cancellation = default)
    {
        if (caller is not { IsReviewer: true }) return null;
        var events = await session.Events.FetchStreamAsync(feedbackId, token: cancellation);
        if (events.Count == 0 || events[0].Data is not FeedbackSubmitted submitted || submitted.FeedbackId != feedbackId) return null;
        var consultation = await session.LoadAsync<ConsultationDetails>(submitted.ConsultationId, cancellation);
        var reading = new Reading(caller, Author.Now(submitted, events.Select(e => e.Data)), consultation?.ResponsesArePublic == true);
        return [.. events.Select(e => reading.Entry(e.Version, e.Data)).OfType<FeedbackHistoryEntry>()];
    }

    /// <summary>The author as the item presents them now: a later revision to anonymous, or withdrawn consent, hides the earlier entries too.</summary>
    private sealed record Author(AuthorSnapshot Snapshot, bool IsPublic, string PublicName)
    {
        public static Author Now(FeedbackSubmitted submitted, IEnumerable<object> events)
        {
            var (attribution, withheld) = (submitted.Content.Attribution, submitted.Author.NameWithheld);
            foreach (var data in events)
            {
                if (data is FeedbackRevised revised) attribution = revised.Content.Attribution;
                else if (data is AuthorNameConsentChanged consent) withheld = !consent.AppearsByName;
            }
            var snapshot = submitted.Author with { NameWithheld = withheld };
            return new(snapshot, attribution == Attribution.Named && !withheld,
                attribution == Attribution.Anonymous ? FeedbackItem.AnonymousName : snapshot.PublicName);
        }
    }

    private sealed record Reading(Caller Caller, Author Author, bool ResponsesArePublic)
    {
        private bool ShowsAuthor => Author.IsPublic || Caller.IsModerator;

        /// <summary>An actor as the caller may read it: the author's user name becomes the item's public name for those who may not know them.</summary>
        private string Actor(string userName) =>
            !ShowsAuthor && string.Equals(userName, Author.Snapshot.UserName, StringComparison.OrdinalIgnoreCase) ? Author.PublicName : userName;

        private bool ShowsResponse => ResponsesArePublic || Caller.IsOfficial;

        public FeedbackHistoryEntry? Entry(long version, object data) => data switch
        {
            FeedbackSubmitted s => new(version, "submitted", Actor(s.Author.UserName), s.SubmittedAt, new SubmittedEntry(
                s.DraftVersion, s.SectionAnchor, ContentEntry.Of(s.Content), Author.PublicName,
                ShowsAuthor ? AuthorEntry.Of(Author.Snapshot, Caller.IsModerator) : null)),
            FeedbackRevised r => new(version, "revised", Actor(r.RevisedBy), r.RevisedAt, new RevisedEntry(ContentEntry.Of(r.Content), Actor(r.RevisedBy))),
            FeedbackWithdrawn w => new(version, "withdrawn", Actor(w.WithdrawnBy), w.WithdrawnAt, new WithdrawnEntry(Actor(w.WithdrawnBy))),
            AuthorNameConsentChanged c => new(version, "author-name-consent-changed", Actor(c.ChangedBy), c.ChangedAt,
                new ConsentChangedEntry(c.AppearsByName, Actor(c.ChangedBy))),
            // Who reported an item is shown to nobody but moderators, as in the moderation queue.
            FeedbackReported r => new(version, "reported", Caller.IsModerator ? r.ReportedBy : null, r.ReportedAt,
                new ReportedEntry(KebabCase.Name(r.Category), r.Reason, Caller.IsModerator ? r.ReportedBy : null)),
            FeedbackHidden h => new(version, "hidden", h.HiddenBy, h.HiddenAt, new HiddenEntry(KebabCase.Name(h.Category), h.Reason, h.HiddenBy)),
            FeedbackRestored r => new(version, "restored", r.RestoredBy, r.RestoredAt, new RestoredEntry(KebabCase.Name(r.Category), r.Reason, r.RestoredBy)),
            FeedbackResponded r => new(version, "responded", r.RespondedBy, r.RespondedAt, new RespondedEntry(
                ShowsResponse ? KebabCase.Name(r.Decision) : null, ShowsResponse ? r.Explanation : null, r.GroupId, r.RespondedBy)),
            FeedbackAddressedInVersion a => new(version, "addressed-in-version", a.AddressedBy, a.AddressedAt,
                new AddressedEntry(a.Version, a.AddressedBy)),
            // The sender is the item's author: named as the author is.
            FeedbackRecordedOnBehalf o => new(version, "recorded-on-behalf", o.RecordedBy, o.RecordedAt, new RecordedOnBehalfEntry(
                KebabCase.Name(o.Provenance.Kind), ShowsAuthor ? o.Provenance.Sender : Author.PublicName, o.Provenance.DocumentReference,
                o.Provenance.ReceivedOn, o.RecordedBy)),
            // An event type this list does not know yet is left out rather than shown raw.
            _ => null,
        };
    }
}

public sealed record RecordedOnBehalfEntry(string Kind, string Sender, string? DocumentReference, DateOnly ReceivedOn, string RecordedBy);

public sealed record AddressedEntry(int Version, string AddressedBy);

/// <summary>One event of an item's history: what, who (as the caller may know them), when, and the event's allowed fields.</summary>
public sealed record FeedbackHistoryEntry(long Version, string Event, string? Actor, DateTimeOffset At, object Data);

public sealed record ContentEntry(Quote? Quote, string Stance, string? ProposedText, string Rationale, IReadOnlyList<Reference> References, string Attribution)
{
    public static ContentEntry Of(FeedbackContent c) =>
        new(c.Quote, KebabCase.Name(c.Stance), c.ProposedText, c.Rationale, c.References, KebabCase.Name(c.Attribution));
}

/// <summary>The author behind an item; <see cref="UserName"/> for moderators only.</summary>
public sealed record AuthorEntry(string DisplayName, string? AcademicTitle, string? Degree, string? Organisation, IReadOnlyList<string>? Fields, string? UserName)
{
    public static AuthorEntry Of(AuthorSnapshot a, bool withUserName) =>
        new(a.DisplayName, a.AcademicTitle, a.Degree, a.Organisation, a.Fields, withUserName ? a.UserName : null);
}

public sealed record SubmittedEntry(int DraftVersion, string? SectionAnchor, ContentEntry Content, string AuthorName, AuthorEntry? Author);

public sealed record RevisedEntry(ContentEntry Content, string RevisedBy);

public sealed record WithdrawnEntry(string WithdrawnBy);

public sealed record ConsentChangedEntry(bool AppearsByName, string ChangedBy);

public sealed record ReportedEntry(string Category, string Reason, string? ReportedBy);

public sealed record HiddenEntry(string Category, string Reason, string HiddenBy);

public sealed record RestoredEntry(string Category, string Reason, string RestoredBy);

public sealed record RespondedEntry(string? Decision, string? Explanation, Guid? GroupId, string RespondedBy);

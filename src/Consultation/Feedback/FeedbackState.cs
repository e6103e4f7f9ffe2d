
using Nq45Consult.Consultation.Feedback.Recording;

namespace Nq45Consult.Consultation.Feedback;

// Events of one feedback item's stream: past tense, each with who and when. Nothing is ever deleted.

public sealed record FeedbackSubmitted(
    Guid FeedbackId,
    Guid ConsultationId,
    int DraftVersion,
    string? SectionAnchor,
    FeedbackContent Content,
    AuthorSnapshot Author,
    DateTimeOffset SubmittedAt);

public sealed record FeedbackRevised(Guid FeedbackId, FeedbackContent Content, string RevisedBy, DateTimeOffset RevisedAt);

public sealed record FeedbackWithdrawn(Guid FeedbackId, string WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>An expert flagged an item; <see cref="Category"/> is <c>Other</c> for reports sent before categories existed.</summary>
public sealed record FeedbackReported(
    Guid FeedbackId, string Reason, string ReportedBy, DateTimeOffset ReportedAt, ModerationCategory Category = ModerationCategory.Other);

public sealed record FeedbackHidden(Guid FeedbackId, Guid ConsultationId, ModerationCategory Category, string Reason, string HiddenBy, DateTimeOffset HiddenAt);

public sealed record FeedbackRestored(Guid FeedbackId, Guid ConsultationId, ModerationCategory Category, string Reason, string RestoredBy, DateTimeOffset RestoredAt);

/// <summary>
/// The author gave or withdrew consent to appear by name after writing the item: from now on the item is
/// presented accordingly. The submitted snapshot stays as it was.
/// </summary>
public sealed record AuthorNameConsentChanged(Guid FeedbackId, bool AppearsByName, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>What the decide functions need to know about an item, rebuilt from its events.</summary>
public sealed record FeedbackState(
    Guid Id,
    Guid ConsultationId,
    int DraftVersion,
    string? SectionAnchor,
    string AuthorUserName,
    bool Withdrawn,
    bool Hidden,
    IReadOnlySet<string> ReportedBy)
{
    // What the per-section counters count the item under (FeedbackCounters): kept here so that every command
    // knows the item's contribution before and after its events without reading the item's document.
    public Stance Stance { get; init; }
    public bool Responded { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public IReadOnlyList<string>? AuthorFields { get; init; }

    public static FeedbackState Create(FeedbackSubmitted e) =>
        new(e.FeedbackId, e.ConsultationId, e.DraftVersion, e.SectionAnchor, e.Author.UserName, false, false,
            new HashSet<string>(StringComparer.OrdinalIgnoreCase))
        {
            Stance = e.Content.Stance, SubmittedAt = e.SubmittedAt, AuthorFields = e.Author.Fields,
        };

    public FeedbackState Apply(FeedbackRevised e) => this with { Stance = e.Content.Stance };

    public FeedbackState Apply(FeedbackResponded e) => this with { Responded = true };

    public FeedbackState Apply(FeedbackWithdrawn e) => this with { Withdrawn = true };

    public FeedbackState Apply(AuthorNameConsentChanged e) => this;

    public FeedbackState Apply(FeedbackRecordedOnBehalf e) => this;

    public FeedbackState Apply(FeedbackReported e) =>
        this with { ReportedBy = new HashSet<string>(ReportedBy.Append(e.ReportedBy), StringComparer.OrdinalIgnoreCase) };

    public FeedbackState Apply(FeedbackHidden e) => this with { Hidden = true };

    public FeedbackState Apply(FeedbackRestored e) => this with { Hidden = false };

    /// <summary>The item after <paramref name="e"/>, as Marten's aggregation would fold it (null before the first event).</summary>
    public static FeedbackState? After(FeedbackState? item, object e) => (item, e) switch
    {
        (null, FeedbackSubmitted submitted) => Create(submitted),
        (null, _) => null,
        (_, FeedbackRevised revised) => item.Apply(revised),
        (_, FeedbackWithdrawn withdrawn) => item.Apply(withdrawn),
        (_, FeedbackReported reported) => item.Apply(reported),
        (_, FeedbackHidden hidden) => item.Apply(hidden),
        (_, FeedbackRestored restored) => item.Apply(restored),
        (_, FeedbackResponded responded) => item.Apply(responded),
        _ => item,
    };

    public bool IsAuthor(string userName) => string.Equals(AuthorUserName, userName, StringComparison.OrdinalIgnoreCase);
}

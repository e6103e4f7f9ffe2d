using JasperFx.Events;
using Marten;
using Marten.Services;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Preferences;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Notifications.Delivery;

namespace Nq45Consult.Consultation.Notifications;

/// <summary>
/// Writes the notifications an event causes into the same unit of work as the event: when a session saves events,
/// this listener adds one <see cref="Notification"/> and one <see cref="EmailOutboxEntry"/> per recipient before the
/// batch goes to the database, so both commit or roll back with the event. Recipients come from the read models as
/// they stood before the save (the inline documents the cause is about already exist then).
/// One document per recipient per event, never a shared aggregate: concurrent writers cannot lose one another's rows.
/// </summary>
public sealed class NotificationOutbox : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var events = session.PendingChanges.Streams().SelectMany(s => s.Events).ToList();
        foreach (var @event in events)
        foreach (var cause in await Causes(session, @event, token))
            await Add(session, cause.Notice, cause.Recipients, @event.Timestamp, token, cause.Except);
    }

    /// <summary>
    /// Queues one notification and its e-mail per recipient (distinct, normalized) in the session, each in the language
    /// of the recipient's account.
    /// </summary>
    public static async Task<IReadOnlyList<Notification>> Add(
        IDocumentSession session, Notice notice, IEnumerable<string> recipients, DateTimeOffset at, CancellationToken token, string? except = null)
    {
        var skip = except is null ? null : Account.Normalize(except);
        var names = recipients.Where(r => !string.IsNullOrWhiteSpace(r)).Select(Account.Normalize).Distinct().Where(r => r != skip).ToList();
        if (names.Count == 0) return [];
        var languages = (await session.Query<Account>().Where(a => names.Contains(a.NormalizedUserName))
                .Select(a => new { a.NormalizedUserName, a.Language }).ToListAsync(token))
            .ToDictionary(a => a.NormalizedUserName, a => Languages.Of(a.Language));
        var added = names.Select(r => Addressed(notice, r, languages.GetValueOrDefault(r, Languages.SiteDefault), at)).ToList();
        foreach (var notification in added) Insert(session, notification, at);
        return added;
    }

    private static Notification Addressed(Notice notice, string recipient, string language, DateTimeOffset at)
    {
        var text = notice.In(language);
        return new Notification(Guid.CreateVersion7(), recipient, notice.Kind, text.Title, text.Body, notice.Link, at) { Language = language };
    }

    private static void Insert(IDocumentSession session, Notification notification, DateTimeOffset at)
    {
        session.Insert(notification);
        session.Insert(new EmailOutboxEntry(notification.Id, notification.Recipient, notification.Kind, at));
    }

    /// <summary>
    /// Queues an e-mail to an address that belongs to no account yet (an invitation to someone without one): a
    /// <see cref="Notification"/> whose recipient is <see cref="AddressedRecipient"/> (no user name has a colon, so no
    /// inbox shows it) and its outbox entry. Preferences and consent do not apply: the address was given for this e-mail.
    /// </summary>
    /// <param name="language">
    /// The language to write in (<see cref="Languages.For"/>: the account's choice when the address has one, else the
    /// request's); the site's default when the cause knows neither.
    /// </param>
    public static Notification AddAddressed(IDocumentSession session, Notice notice, string address, DateTimeOffset at, string? language = null)
    {
        var notification = Addressed(notice, AddressedRecipient(address), Languages.Of(language), at);
        Insert(session, notification, at);
        return notification;
    }

    public const string AddressedPrefix = "mailto:";

    public static string AddressedRecipient(string address) => AddressedPrefix + address.Trim().ToLowerInvariant();

    /// <summary>The address of an <see cref="AddAddressed"/> e-mail's recipient, or null for a user name.</summary>
    public static string? AddressOf(string recipient) =>
        recipient.StartsWith(AddressedPrefix, StringComparison.Ordinal) ? recipient[AddressedPrefix.Length..] : null;

    private sealed record Caused(Notice Notice, IReadOnlyList<string> Recipients, string? Except = null);

    private static async Task<IReadOnlyList<Caused>> Causes(IDocumentSession session, IEvent @event, CancellationToken token)
    {
        switch (@event.Data)
        {
            case ExpertsInvited e when await Consultation(session, e.ConsultationId, token) is { } c:
                return [new(NotificationTexts.Invitation(c.Title, c.DraftingAgency, c.ClosesAt, c.Slug), e.UserNames)];
            case ConsultationOpened e when await Consultation(session, e.ConsultationId, token) is { } c:
                return [new(NotificationTexts.Opened(c.Title, c.ClosesAt, c.Slug), await Audience(session, c, token), e.OpenedBy)];
            case SessionStarted e:
                var stream = await session.Events.FetchStreamAsync(e.SessionId, token: token);
                if (stream.Select(x => x.Data).OfType<SessionScheduled>().FirstOrDefault() is not { } s
                    || await Consultation(session, s.ConsultationId, token) is not { } sc) return [];
                return [new(NotificationTexts.SessionStarted(s.Title, sc.Title, s.SessionId), [.. sc.InvitedExperts, .. await Authors(session, sc.Id, token)], e.StartedBy)];
            case ResponsesPublished e when await Consultation(session, e.ConsultationId, token) is { } c:
                var answered = await session.Query<FeedbackItem>()
                    .Where(i => i.ConsultationId == c.Id && i.Response != null && !i.Withdrawn)
                    .Select(i => i.AuthorUserName)
                    .ToListAsync(token);
                // One notification per author, saying how many of their items were answered.
                return answered.GroupBy(a => a).GroupBy(author => author.Count())
                    .Select(same => new Caused(NotificationTexts.ResponsePublished(c.Title, same.Key, c.Slug), same.Select(a => a.Key).ToList()))
                    .ToList();
            case FeedbackHidden e when await Item(session, e.FeedbackId, e.ConsultationId, token) is var (item, c) && item is not null:
                return [new(NotificationTexts.ItemHidden(c!.Title, e.Reason, item.Id), [item.Author.UserName], e.HiddenBy)];
            case FeedbackRestored e when await Item(session, e.FeedbackId, e.ConsultationId, token) is var (item, c) && item is not null:
                return [new(NotificationTexts.ItemRestored(c!.Title, e.Reason, item.Id), [item.Author.UserName], e.RestoredBy)];
            default:
                return [];
        }
    }

    private static Task<ConsultationDetails?> Consultation(IQuerySession session, Guid id, CancellationToken token) =>
        session.LoadAsync<ConsultationDetails>(id, token);

    private static async Task<(FeedbackItem?, ConsultationDetails?)> Item(IQuerySession session, Guid feedbackId, Guid consultationId, CancellationToken token)
    {
        var item = await session.LoadAsync<FeedbackItem>(feedbackId, token);
        var consultation = await Consultation(session, consultationId, token);
        return item is null || consultation is null ? (null, null) : (item, consultation);
    }

    /// <summary>People who gave feedback on the consultation: its registered participants.</summary>
    private static async Task<IReadOnlyList<string>> Authors(IQuerySession session, Guid consultationId, CancellationToken token) =>
        await session.Query<FeedbackItem>().Where(i => i.ConsultationId == consultationId).Select(i => i.AuthorUserName).Distinct().ToListAsync(token);

    /// <summary>
    /// Who hears that a consultation opened: its invited experts and, when it is public, every expert with an account
    /// who consented to be contacted and works in one of its fields (that consent is their opt-in).
    /// </summary>
    internal static async Task<IReadOnlyList<string>> Audience(IQuerySession session, ConsultationDetails consultation, CancellationToken token)
    {
        if (consultation.Audience != Consultations.Audience.Public || consultation.Fields.Count == 0) return consultation.InvitedExperts;
        var fields = consultation.Fields.ToArray();
        var interested = await session.Query<ExpertProfile>()
            .Where(p => p.NormalizedUserName != null && p.Consent.ToBeContacted && p.Details.Fields.Any(f => fields.Contains(f)))
            .Select(p => p.NormalizedUserName!)
            .ToListAsync(token);
        return [.. consultation.InvitedExperts, .. interested];
    }
}

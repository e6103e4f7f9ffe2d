using Marten;
using JasperFx;
using Marten.Exceptions;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Notifications.Reminders;

/// <summary>Marks that a consultation's participants were reminded of its close; its id is the consultation's.</summary>
public sealed record ClosingReminder(Guid Id, DateTimeOffset ClosesAt, DateTimeOffset RemindedAt);

/// <summary>
/// Reminds the audience of each open consultation once it enters its last days (<see cref="NotificationOptions.ClosingReminderBefore"/>).
/// The marker and the notifications are inserted in one transaction; the marker's insert fails on a second attempt
/// (another round, another node), which rolls that attempt back whole: sent once.
/// </summary>
public sealed class ClosingReminders(IDocumentStore store, TimeProvider time, IOptions<NotificationOptions> options)
{
    public async Task<IReadOnlyList<Guid>> RemindDue(CancellationToken cancellation = default)
    {
        var now = time.GetUtcNow().ToUniversalTime(); // Npgsql writes only UTC to timestamptz.
        var horizon = now + options.Value.ClosingReminderBefore;
        List<ConsultationDetails> due;
        await using (var query = store.QuerySession())
        {
            var closing = await query.Query<ConsultationDetails>()
                .Where(c => c.Status == ConsultationStatus.Open && c.ClosesAt > now && c.ClosesAt <= horizon)
                .ToListAsync(cancellation);
            var reminded = (await query.LoadManyAsync<ClosingReminder>(cancellation, closing.Select(c => c.Id).ToArray())).Select(r => r.Id).ToHashSet();
            due = closing.Where(c => !reminded.Contains(c.Id)).ToList();
        }
        var done = new List<Guid>();
        foreach (var consultation in due)
        {
            await using var session = store.LightweightSession();
            session.Insert(new ClosingReminder(consultation.Id, consultation.ClosesAt, now));
            await NotificationOutbox.Add(session, NotificationTexts.ClosingSoon(consultation.Title, consultation.ClosesAt, consultation.Slug),
                await NotificationOutbox.Audience(session, consultation, cancellation), now, cancellation);
            try
            {
                await session.SaveChangesAsync(cancellation);
                done.Add(consultation.Id);
            }
            catch (DocumentAlreadyExistsException)
            {
                // Another node reminded it in the meantime.
            }
        }
        return done;
    }
}

using JasperFx;
using Marten;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Recommendations;

namespace Nq45Consult.Consultation.Notifications.Reminders;

/// <summary>Marks that a recommendation's lateness was reminded for one deadline; its id is derived from both.</summary>
public sealed record RecommendationReminder(Guid Id, Guid RecommendationId, DateTimeOffset DueAt, DateTimeOffset RemindedAt);

/// <summary>
/// Reminds the officials of the agency it is routed to (every active official for one routed by name only, before
/// agencies existed) and the moderator who routed it of each
/// recommendation left unanswered past its deadline, once per deadline. The marker and the notifications are inserted
/// in one transaction; the marker's insert fails on a second attempt (another round, another node), which rolls that
/// attempt back whole.
/// </summary>
public sealed class OverdueRecommendations(IDocumentStore store, TimeProvider time)
{
    public static Guid ReminderOf(Guid recommendationId, DateTimeOffset dueAt) =>
        DerivedIds.Of($"recommendation-overdue\n{recommendationId:N}\n{dueAt.UtcTicks}");

    public async Task<IReadOnlyList<Guid>> RemindDue(CancellationToken cancellation = default)
    {
        var now = time.GetUtcNow().ToUniversalTime(); // Npgsql writes only UTC to timestamptz.
        List<Recommendation> due;
        IReadOnlyList<Account> officials;
        await using (var query = store.QuerySession())
        {
            var late = await query.Query<Recommendation>()
                .Where(r => r.Answer == null && !r.Hidden && r.DueAt != null && r.DueAt < now)
                .ToListAsync(cancellation);
            var reminded = (await query.LoadManyAsync<RecommendationReminder>(cancellation, late.Select(r => ReminderOf(r.Id, r.DueAt!.Value)).ToArray()))
                .Select(r => r.Id).ToHashSet();
            due = [.. late.Where(r => !reminded.Contains(ReminderOf(r.Id, r.DueAt!.Value)))];
            officials = due.Count == 0 ? [] : [.. (await query.Query<Account>().Where(a => !a.Deactivated).ToListAsync(cancellation))
                .Where(a => a.Roles.Contains(Role.Official))];
        }
        var done = new List<Guid>();
        foreach (var recommendation in due)
        {
            await using var session = store.LightweightSession();
            session.Insert(new RecommendationReminder(ReminderOf(recommendation.Id, recommendation.DueAt!.Value), recommendation.Id, recommendation.DueAt.Value, now));
            await NotificationOutbox.Add(session,
                NotificationTexts.RecommendationOverdue(recommendation.Topic, recommendation.Agency!, recommendation.DueAt.Value, recommendation.Id),
                [.. officials.Where(a => recommendation.AgencyId is null || a.AgencyId == recommendation.AgencyId).Select(a => a.UserName),
                    .. recommendation.RoutedBy is { } by ? [by] : Array.Empty<string>()], now, cancellation);
            try
            {
                await session.SaveChangesAsync(cancellation);
                done.Add(recommendation.Id);
            }
            catch (DocumentAlreadyExistsException)
            {
                // Another node reminded it in the meantime.
            }
        }
        return done;
    }
}

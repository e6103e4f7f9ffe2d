using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Notifications.Preferences;

namespace Nq45Consult.Consultation.Notifications.Delivery;

/// <summary>What one round of delivery did.</summary>
/// <param name="Released">Claimed but handed back untried, the round having run too close to the end of its claim.</param>
public sealed record DeliveryRound(int Sent, int Skipped, int Retrying, int Failed, int Released)
{
    public int Claimed => Sent + Skipped + Retrying + Failed + Released;
}

/// <summary>
/// Sends the e-mails waiting in the outbox. A round claims due entries with <c>for update skip locked</c> (so two nodes
/// never take the same one) and a lease (<see cref="NotificationOptions.ClaimDuration"/>, so a crashed node's claims come
/// back), sends each, and records each outcome as soon as it is known: sent only after the SMTP server accepted it;
/// a failure is retried with exponential back-off. A crash between acceptance and the record can send one e-mail twice —
/// the one window SMTP leaves open — and the stable Message-ID lets mail clients fold that duplicate.
/// </summary>
public sealed class OutboxDelivery(
    IDocumentStore store, SmtpMailer mailer, TimeProvider time, IOptions<NotificationOptions> options, IOptions<SmtpOptions> smtp,
    ILogger<OutboxDelivery> logger)
{
    public async Task<DeliveryRound> DeliverDue(CancellationToken cancellation = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var claimed = await Claim(now, settings, cancellation);
        if (claimed.Count == 0) return new(0, 0, 0, 0, 0);

        IReadOnlyList<EmailOutboxEntry> entries;
        Dictionary<Guid, Notification> notifications;
        Dictionary<string, NotificationPreferences> preferences;
        Dictionary<string, ExpertProfile> profiles;
        await using (var query = store.QuerySession())
        {
            entries = await query.LoadManyAsync<EmailOutboxEntry>(cancellation, claimed);
            notifications = (await query.LoadManyAsync<Notification>(cancellation, claimed)).ToDictionary(n => n.Id);
            var recipients = entries.Select(e => e.Recipient).Distinct().ToArray();
            preferences = (await query.LoadManyAsync<NotificationPreferences>(cancellation, recipients.Select(NotificationPreferences.IdOf).ToArray()))
                .ToDictionary(p => p.UserName);
            profiles = (await query.Query<ExpertProfile>().Where(p => recipients.Contains(p.NormalizedUserName)).ToListAsync(cancellation))
                .GroupBy(p => p.NormalizedUserName!).ToDictionary(g => g.Key, g => g.First());
        }

        int sent = 0, skipped = 0, retrying = 0, failed = 0;
        SmtpConversation? conversation = null;
        Exception? unreachable = null;
        // Stop before the claim could lapse mid-conversation: another sender may take the entries after it.
        var stopBy = now + settings.ClaimDuration - TimeSpan.FromTicks(Math.Min(smtp.Value.Timeout.Ticks, settings.ClaimDuration.Ticks / 2));
        int released = 0;
        try
        {
            foreach (var entry in entries.OrderBy(e => e.Id))
            {
                if (time.GetUtcNow() >= stopBy)
                {
                    await Record(entry with { ClaimedUntil = null }, cancellation);
                    released++;
                    continue;
                }
                var addressed = NotificationOutbox.AddressOf(entry.Recipient);
                var address = addressed is not null ? MailboxAddress.Parse(addressed)
                    : profiles.GetValueOrDefault(entry.Recipient) is { Email: { Length: > 0 } email, Consent.ToBeContacted: true } p
                    ? new MailboxAddress(p.FullName, email)
                    : null;
                var skip = !smtp.Value.Enabled ? "e-mail-off"
                    : addressed is null && preferences.GetValueOrDefault(entry.Recipient)?.WantsEmail(entry.Kind) == false ? "opted-out"
                    : address is null ? "no-address"
                    : !notifications.TryGetValue(entry.Id, out _) ? "no-notification"
                    : null;
                if (skip is not null)
                {
                    await Record(entry with { Status = EmailStatus.Skipped, SkipReason = skip, ClaimedUntil = null }, cancellation);
                    skipped++;
                    continue;
                }
                try
                {
                    // A server that could not be reached once this round is not tried again for every entry.
                    if (unreachable is not null) throw unreachable;
                    if (conversation is not { IsConnected: true })
                    {
                        if (conversation is not null) await conversation.DisposeAsync();
                        conversation = null;
                        try
                        {
                            conversation = await mailer.Connect(cancellation);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            unreachable = e;
                            throw;
                        }
                    }
                    await conversation.Send(NotificationEmail.Compose(notifications[entry.Id], address!, smtp.Value, settings), cancellation);
                    await Record(entry with { Status = EmailStatus.Sent, Attempts = entry.Attempts + 1, SentAt = time.GetUtcNow(), ClaimedUntil = null, LastError = null },
                        cancellation);
                    sent++;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
                {
                    var attempts = entry.Attempts + 1;
                    var givenUp = attempts >= settings.MaxAttempts;
                    logger.LogWarning("E-mail {Id} to {Recipient}: attempt {Attempt} failed ({Error}){Outcome}.", entry.Id, entry.Recipient, attempts,
                        e.Message, givenUp ? "; given up" : "; will retry");
                    await Record(entry with
                    {
                        Status = givenUp ? EmailStatus.Failed : EmailStatus.Pending,
                        Attempts = attempts,
                        NextAttemptAt = time.GetUtcNow() + settings.RetryDelay(attempts),
                        ClaimedUntil = null,
                        LastError = $"{e.GetType().Name}: {e.Message}",
                    }, cancellation);
                    if (givenUp) failed++;
                    else retrying++;
                }
            }
        }
        finally
        {
            if (conversation is not null) await conversation.DisposeAsync();
        }
        return new(sent, skipped, retrying, failed, released);
    }

    private async Task Record(EmailOutboxEntry entry, CancellationToken cancellation)
    {
        // Recorded even when stopping: the server may already have the message, and forgetting that would send it twice.
        await using var session = store.LightweightSession();
        session.Store(entry);
        await session.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Takes up to a batch of due entries for this sender, in one statement.</summary>
    private async Task<IReadOnlyList<Guid>> Claim(DateTimeOffset now, NotificationOptions settings, CancellationToken cancellation)
    {
        var table = $"{store.Options.DatabaseSchemaName}.mt_doc_emailoutboxentry";
        var sql = $$"""
            update {{table}} set data = jsonb_set(data, '{claimedUntil}', to_jsonb($2::text))
            where id in (
                select id from {{table}}
                where data ->> 'status' = 'Pending'
                  and (data ->> 'nextAttemptAt')::timestamptz <= $1
                  and coalesce((data ->> 'claimedUntil')::timestamptz, '-infinity'::timestamptz) <= $1
                order by id
                limit $3
                for update skip locked)
            returning id
            """;
        await using var session = store.QuerySession();
        var command = new NpgsqlCommand(sql)
        {
            Parameters =
            {
                new() { Value = now.ToUniversalTime() },
                new() { Value = (now + settings.ClaimDuration).ToUniversalTime().ToString("O") },
                new() { Value = settings.BatchSize },
            },
        };
        var ids = new List<Guid>();
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        while (await reader.ReadAsync(cancellation)) ids.Add(reader.GetGuid(0));
        return ids;
    }
}

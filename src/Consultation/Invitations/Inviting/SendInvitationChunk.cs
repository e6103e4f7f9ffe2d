using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Consultation.Invitations.Inviting;

/// <summary>
/// Send the next chunk of a queued batch: one invitation stream per invitee, its link and its e-mail in the outbox,
/// and the batch's progress, in one transaction. The request that queued the batch sends its first chunk itself; the
/// background sender (<see cref="InvitationSender"/>) sends the rest.
/// </summary>
public sealed record SendInvitationChunk(Guid BatchId)
{
    public static Decision Decide(InvitationBatch batch, int chunkSize, DateTimeOffset now)
    {
        var chunk = batch.Invitees.Skip(batch.Sent).Take(chunkSize).ToList();
        if (chunk.Count == 0) return Decision.Nothing;
        return Decision.Accept([
            .. chunk.Select(i => new InvitationEmailed(
                Guid.CreateVersion7(), batch.ConsultationId, batch.SessionId, i.Email, i.Name, i.ProfileId, batch.Id, now, batch.QueuedBy, batch.Language)),
            new InvitationChunkSent(batch.Id, chunk.Count, now),
        ]);
    }
}

/// <summary>Writes chunks of queued batches until none is left; two nodes sending at once lose nothing and send nothing twice.</summary>
public sealed class InvitationSender(IDocumentStore store, TimeProvider time, IOptions<InvitationOptions> options, DialogueSessions sessions)
{
    /// <summary>Sends every queued invitation, a chunk per transaction; returns how many were sent.</summary>
    public async Task<int> SendQueued(CancellationToken cancellation = default)
    {
        var total = 0;
        while (true)
        {
            await using var session = store.LightweightSession();
            var next = await session.Query<InvitationBatch>().Where(b => b.Remaining > 0).OrderBy(b => b.QueuedAt).Select(b => b.Id)
                .FirstOrDefaultAsync(cancellation);
            if (next == Guid.Empty) return total;
            var stream = await session.Events.FetchForWriting<InvitationBatch>(next, cancellation);
            var events = await Send(session, stream.Aggregate!, cancellation);
            stream.AppendMany(events.OfType<InvitationChunkSent>());
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (ConcurrencyException)
            {
                // Another sender wrote this chunk first; look again.
                continue;
            }
            total += events.OfType<InvitationEmailed>().Count();
        }
    }

    /// <summary>
    /// Starts the next chunk's invitations in <paramref name="session"/>, with their links and e-mails, and returns the
    /// decided events; the caller appends the batch's <see cref="InvitationChunkSent"/> to the batch's stream as it holds it.
    /// </summary>
    public async Task<IReadOnlyList<object>> Send(IDocumentSession session, InvitationBatch batch, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var letter = await InvitationLetter.For(session, sessions, batch.ConsultationId, batch.SessionId, cancellation);
        var decision = SendInvitationChunk.Decide(batch, options.Value.ChunkSize, now);
        foreach (var emailed in decision.Events.OfType<InvitationEmailed>())
        {
            session.Events.StartStream<EmailInvitation>(emailed.InvitationId, emailed);
            letter?.Send(session, emailed.InvitationId, emailed.Email, options.Value.LinkLifetime, now, batch.QueuedBy, emailed.Language);
        }
        return decision.Events;
    }
}

using Marten;
using Marten.Exceptions;
using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Consultation.Review.Minutes.Generating;

/// <summary>The minutes' first draft, written from the record of a session that has ended (<see cref="MinutesDraft"/>).</summary>
public sealed record GenerateMinutes(Guid SessionId, Caller Caller)
{
    /// <param name="sessionEvents">The session's whole stream.</param>
    /// <param name="existing">The session's minutes, if already generated.</param>
    public static Decision Decide(IReadOnlyList<object> sessionEvents, SessionMinutes? existing, GenerateMinutes command, DateTimeOffset now)
    {
        if (!MinutesAccess.MayEditMinutes(command.Caller, existing)) return Decision.Forbid(DomainText.MinutesEditorsOnly);
        if (sessionEvents is not [SessionScheduled scheduled, ..]) return Decision.NotFound(DomainText.SessionNotFound);
        if (existing is not null) return Decision.Conflict(DomainText.MinutesAlreadyGenerated);
        if (!sessionEvents.OfType<SessionEnded>().Any()) return Decision.Conflict(DomainText.MinutesSessionNotEnded);
        return Decision.Accept(new MinutesGenerated(
            SessionMinutes.IdOf(command.SessionId), command.SessionId, scheduled.ConsultationId, MinutesDraft.From(sessionEvents),
            command.Caller.UserName, now));
    }
}

/// <summary>Reads the session's stream and its minutes, decides, and starts the minutes' stream.</summary>
public sealed class GenerateMinutesHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(GenerateMinutes command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        IReadOnlyList<object> events = command.SessionId == Guid.Empty ? []
            : [.. (await session.Events.FetchStreamAsync(command.SessionId, token: cancellation)).Select(e => e.Data)];
        var id = SessionMinutes.IdOf(command.SessionId);
        var decision = GenerateMinutes.Decide(events, await session.LoadAsync<SessionMinutes>(id, cancellation), command, time.GetUtcNow());
        if (!decision.Accepted) return decision;
        session.Events.StartStream<SessionMinutes>(id, decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // Another moderator generated them between our read and our write: theirs stand.
            return Decision.Conflict(DomainText.MinutesAlreadyGenerated);
        }
        return decision;
    }
}

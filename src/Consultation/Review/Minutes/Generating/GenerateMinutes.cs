using Marten;
using Marten.Exceptions;
using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Consultation.Review.Minutes.Generating;

/// <summary>
/// The minutes' first draft, written from the record of a session that has ended (<see cref="MinutesDraft"/>); a council's
/// meeting is headed as such, about its case, with the chair and the secretary who accepted their seats.
/// </summary>
public sealed record GenerateMinutes(Guid SessionId, Caller Caller)
{
    /// <param name="sessionEvents">The session's whole stream.</param>
    /// <param name="existing">The session's minutes, if already generated.</param>
    /// <param name="council">The council whose meeting the session is, as the caller stands to it; null for any other session.</param>
    public static Decision Decide(
        IReadOnlyList<object> sessionEvents, SessionMinutes? existing, GenerateMinutes command, DateTimeOffset now, MeetingCouncil? council = null)
    {
        if (MinutesAccess.Hidden(command.Caller, council)) return Decision.NotFound(DomainText.SessionNotFound);
        if (!MinutesAccess.MayEditMinutes(command.Caller, council)) return Decision.Forbid(DomainText.MinutesEditorsOnly);
        if (sessionEvents is not [SessionScheduled scheduled, ..]) return Decision.NotFound(DomainText.SessionNotFound);
        if (existing is not null) return Decision.Conflict(DomainText.MinutesAlreadyGenerated);
        if (!sessionEvents.OfType<SessionEnded>().Any()) return Decision.Conflict(DomainText.MinutesSessionNotEnded);
        var draft = MinutesDraft.From(sessionEvents);
        if (council is not null)
            draft = draft with { Heading = council.Heading, Subject = council.Subject, Chair = council.Chair, Secretary = council.Secretary };
        return Decision.Accept(new MinutesGenerated(
            SessionMinutes.IdOf(command.SessionId), command.SessionId, scheduled.ConsultationId, draft, command.Caller.UserName, now));
    }
}

/// <summary>Reads the session's stream and its minutes, decides, and starts the minutes' stream.</summary>
public sealed class GenerateMinutesHandler(IDocumentStore store, TimeProvider time, IMeetingCouncils councils)
{
    public async Task<Decision> Handle(GenerateMinutes command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        IReadOnlyList<object> events = command.SessionId == Guid.Empty ? []
            : [.. (await session.Events.FetchStreamAsync(command.SessionId, token: cancellation)).Select(e => e.Data)];
        var id = SessionMinutes.IdOf(command.SessionId);
        var council = command.SessionId == Guid.Empty ? null : await councils.Of(session, command.SessionId, command.Caller, cancellation);
        var decision = GenerateMinutes.Decide(events, await session.LoadAsync<SessionMinutes>(id, cancellation), command, time.GetUtcNow(), council);
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

using Marten;

namespace Nq45Consult.Consultation.Review.Minutes.Finalising;

/// <summary>The minutes are closed for the record, once: from then on they are read and exported, never changed.</summary>
public sealed record FinaliseMinutes(Guid SessionId, Caller Caller)
{
    /// <param name="council">The council whose meeting the session is, as the caller stands to it; null for any other session.</param>
    public static Decision Decide(SessionMinutes? minutes, FinaliseMinutes command, DateTimeOffset now, MeetingCouncil? council = null)
    {
        if (MinutesAccess.Hidden(command.Caller, council)) return Decision.NotFound(DomainText.SessionNotFound);
        if (!MinutesAccess.MayEditMinutes(command.Caller, council)) return Decision.Forbid(DomainText.MinutesEditorsOnly);
        if (minutes is null) return Decision.NotFound(DomainText.MinutesNone);
        if (minutes.IsFinal) return Decision.Conflict(DomainText.MinutesAlreadyFinal);
        return Decision.Accept(new MinutesFinalised(minutes.Id, command.Caller.UserName, now));
    }
}

public sealed class FinaliseMinutesHandler(IDocumentStore store, TimeProvider time, IMeetingCouncils councils)
{
    public Task<Decision> Handle(FinaliseMinutes command, CancellationToken cancellation) =>
        MinutesChange.Run(store, councils, command.SessionId, command.Caller,
            (minutes, council) => FinaliseMinutes.Decide(minutes, command, time.GetUtcNow(), council), cancellation);
}

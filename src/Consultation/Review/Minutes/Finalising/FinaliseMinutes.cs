using Marten;

namespace Nq45Consult.Consultation.Review.Minutes.Finalising;

/// <summary>The minutes are closed for the record, once: from then on they are read and exported, never changed.</summary>
public sealed record FinaliseMinutes(Guid SessionId, Caller Caller)
{
    public static Decision Decide(SessionMinutes? minutes, FinaliseMinutes command, DateTimeOffset now)
    {
        if (!MinutesAccess.MayEditMinutes(command.Caller, minutes)) return Decision.Forbid(DomainText.MinutesEditorsOnly);
        if (minutes is null) return Decision.NotFound(DomainText.MinutesNone);
        if (minutes.IsFinal) return Decision.Conflict(DomainText.MinutesAlreadyFinal);
        return Decision.Accept(new MinutesFinalised(minutes.Id, command.Caller.UserName, now));
    }
}

public sealed class FinaliseMinutesHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(FinaliseMinutes command, CancellationToken cancellation) =>
        MinutesChange.Run(store, command.SessionId, minutes => FinaliseMinutes.Decide(minutes, command, time.GetUtcNow()), cancellation);
}

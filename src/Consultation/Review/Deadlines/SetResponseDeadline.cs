using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Review.Deadlines;

/// <summary>An official sets the date by which every item should be answered (overriding the default of the settings).</summary>
public sealed record SetResponseDeadline(Guid ConsultationId, DateTimeOffset? Deadline, string SetBy)
{
    public static Decision Decide(ConsultationState state, SetResponseDeadline command, DateTimeOffset now)
    {
        if (command.Deadline is not { } deadline) return Decision.Invalid("deadline", DomainText.ResponseDeadlineRequired);
        if (deadline < state.ClosesAt) return Decision.Invalid("deadline", DomainText.ResponseDeadlineBeforeClose);
        if (state.Status == ConsultationStatus.Responded) return Decision.Conflict(DomainText.ResponsesPublished);
        return Decision.Accept(new ResponseDeadlineSet(state.Id, deadline.ToUniversalTime(), command.SetBy, now));
    }
}

/// <summary>Loads the consultation's stream, decides, appends, returns the consultation as it now reads.</summary>
public sealed class SetResponseDeadlineHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<CommandOutcome> Handle(SetResponseDeadline command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<ConsultationState>(command.ConsultationId, cancellation);
        if (stream.Aggregate is not { } state) return CommandOutcome.NotFound;
        var decision = SetResponseDeadline.Decide(state, command, time.GetUtcNow());
        if (!decision.Accepted) return new(decision, null);
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new(decision, await session.LoadAsync<ConsultationDetails>(command.ConsultationId, cancellation));
    }
}

using Marten;

namespace Nq45Consult.Consultation.Consultations.Closing;

/// <summary>Close every open consultation whose closing time is at or before <see cref="Now"/>, each by itself (<see cref="CloseConsultation"/> without a caller).</summary>
public sealed record CloseDueConsultations(DateTimeOffset Now);

/// <summary>Returns the ids of the consultations it closed.</summary>
public sealed class CloseDueConsultationsHandler(IDocumentStore store, ConsultationStream stream)
{
    public async Task<IReadOnlyList<Guid>> Handle(CloseDueConsultations command, CancellationToken cancellation)
    {
        var now = command.Now.ToUniversalTime(); // Npgsql writes only UTC to timestamptz.
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<ConsultationDetails>()
                .Where(c => c.Status == ConsultationStatus.Open && c.ClosesAt <= now)
                .Select(c => c.Id)
                .ToListAsync(cancellation);
        }
        var closed = new List<Guid>();
        foreach (var id in due)
        {
            var outcome = await stream.AppendAt(id, now, (state, at) => CloseConsultation.Decide(state, new(id, null), at), cancellation);
            if (outcome.Decision is { Accepted: true }) closed.Add(id);
        }
        return closed;
    }
}

using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Drafts.Consultations.Creating;

namespace Nq45Consult.Consultation.Drafts.Consultations;

/// <summary>What happened to a command: not found, or the decision taken (and, when accepted, the read model after it).</summary>
public sealed record CommandOutcome(Decision? Decision, ConsultationDetails? Consultation)
{
    public static readonly CommandOutcome NotFound = new(null, null);
}

/// <summary>
/// Runs the decide functions against the event store: load the stream, decide, append, save, in one
/// session; the inline projections are written in the same transaction.
/// </summary>
public sealed class ConsultationCommands(IDocumentStore store, TimeProvider time, IOptions<ConsultationOptions> options)
{
    public ConsultationOptions Options => options.Value;

    public async Task<CommandOutcome> Create(string? slug, ConsultationDetailsInput details, string createdBy, CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        var free = await FreeSlug(session, string.IsNullOrWhiteSpace(slug) ? Slug.From(details.Title ?? "") : Slug.From(slug), cancellation);
        var id = Guid.CreateVersion7();
        var decision = CreateConsultation.Decide(new CreateConsultation(id, free, details, createdBy), options.Value, time.GetUtcNow());
        if (!decision.Accepted) return new(decision, null);
        session.Events.StartStream<ConsultationState>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new(decision, await session.LoadAsync<ConsultationDetails>(id, cancellation));
    }

    /// <summary>Applies a decide function to the consultation's current state.</summary>
    public async Task<CommandOutcome> Execute(Guid id, Func<ConsultationState, DateTimeOffset, Decision> decide, CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<ConsultationState>(id, cancellation);
        if (stream.Aggregate is null) return CommandOutcome.NotFound;
        var decision = decide(stream.Aggregate, time.GetUtcNow());
        if (!decision.Accepted) return new(decision, null);
        if (decision.Events.Count > 0)
        {
            stream.AppendMany(decision.Events);
            await session.SaveChangesAsync(cancellation);
        }
        return new(decision, await session.LoadAsync<ConsultationDetails>(id, cancellation));
    }

    private static async Task<string> FreeSlug(IQuerySession session, string wanted, CancellationToken cancellation)
    {
        var taken = await session.Query<ConsultationDetails>()
            .Where(c => c.Slug == wanted || c.Slug.StartsWith(wanted + "-"))
            .Select(c => c.Slug)
            .ToListAsync(cancellation);
        if (!taken.Contains(wanted)) return wanted;
        var n = 2;
        while (taken.Contains($"{wanted}-{n}")) n++;
        return $"{wanted}-{n}";
    }
}

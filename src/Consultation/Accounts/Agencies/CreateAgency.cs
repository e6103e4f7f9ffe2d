using Marten;

namespace Nq45Consult.Consultation.Accounts.Agencies;

/// <summary>An admin adds an agency to the list.</summary>
public sealed record CreateAgency(string? Name, string By)
{
    public static Decision Decide(CreateAgency command, Guid id, IEnumerable<Agency> existing, DateTimeOffset now) =>
        AgencyNames.Problem(command.Name, id, existing) ?? Decision.Accept(new AgencyCreated(id, ManagedLists.Tidy(command.Name), now, command.By));
}

public sealed class CreateAgencyHandler(IDocumentStore store, TimeProvider time)
{
    public Task<ListEntryOutcome<Agency>> Handle(CreateAgency command, CancellationToken cancellation) =>
        ManagedLists.Change<Agency>(store, null, AgencyQueries.All,
            (_, all) => CreateAgency.Decide(command, Guid.CreateVersion7(), all, time.GetUtcNow()),
            decision => decision.Events.OfType<AgencyCreated>().FirstOrDefault()?.AgencyId, cancellation);
}

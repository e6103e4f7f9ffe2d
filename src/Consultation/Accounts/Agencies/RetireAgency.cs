using Marten;

namespace Nq45Consult.Consultation.Accounts.Agencies;

/// <summary>
/// A retired agency stays (never deleted): consultations that name it keep their rule on who responds, and its officials
/// keep their membership; it is only no longer offered for new consultations or members.
/// </summary>
public sealed record RetireAgency(Guid AgencyId, string By)
{
    public static Decision Decide(Agency current, RetireAgency command, DateTimeOffset now) =>
        current.Retired ? Decision.Accept() : Decision.Accept(new AgencyRetired(current.Id, now, command.By));
}

public sealed class RetireAgencyHandler(IDocumentStore store, TimeProvider time)
{
    public Task<ListEntryOutcome<Agency>> Handle(RetireAgency command, CancellationToken cancellation) =>
        ManagedLists.Change<Agency>(store, command.AgencyId, AgencyQueries.All,
            (current, _) => RetireAgency.Decide(current!, command, time.GetUtcNow()), _ => null, cancellation);
}

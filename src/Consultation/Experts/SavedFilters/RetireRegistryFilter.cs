using Marten;

namespace Nq45Consult.Consultation.Experts.SavedFilters;

public sealed record RetireRegistryFilter(Guid FilterId, string By)
{
    public static Decision Decide(SavedFilter current, RetireRegistryFilter command, DateTimeOffset now) =>
        current.Retired ? Decision.Accept() : Decision.Accept(new RegistryFilterRetired(current.Id, now, command.By));
}

public sealed class RetireRegistryFilterHandler(IDocumentStore store, TimeProvider time)
{
    public Task<ListEntryOutcome<SavedFilter>> Handle(RetireRegistryFilter command, CancellationToken cancellation) =>
        ManagedLists.Change<SavedFilter>(store, command.FilterId, SavedFilterQueries.All,
            (current, _) => RetireRegistryFilter.Decide(current!, command, time.GetUtcNow()), _ => null, cancellation);
}

using Marten;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Registry;

namespace Nq45Consult.Consultation.Experts.SavedFilters;

/// <summary>A moderator keeps a registry filter under a name; names are unique among current filters whatever their diacritics or case.</summary>
public sealed record SaveRegistryFilter(string? Name, RegistryFilter Filter, string By)
{
    public static Decision Decide(SaveRegistryFilter command, Guid id, IEnumerable<SavedFilter> existing, DateTimeOffset now)
    {
        var tidy = ManagedLists.Tidy(command.Name);
        if (tidy.Length == 0) return Decision.Invalid("name", DomainText.SavedFilterNameRequired);
        if (tidy.Length > SavedFilter.MaxNameLength) return Decision.Invalid("name", DomainText.SavedFilterNameTooLong(SavedFilter.MaxNameLength));
        // An empty filter would be "everyone": inviting by it is never what a moderator means.
        if (command.Filter.IsEmpty)
            return Decision.Invalid("filter", DomainText.SavedFilterEmpty);
        var normalized = MemberAssociation.Normalize(tidy);
        if (existing.Any(f => !f.Retired && f.NormalizedName == normalized)) return Decision.Invalid("name", DomainText.SavedFilterNameTaken(tidy));
        return Decision.Accept(new RegistryFilterSaved(id, tidy, command.Filter, now, command.By));
    }
}

public sealed class SaveRegistryFilterHandler(IDocumentStore store, TimeProvider time)
{
    public Task<ListEntryOutcome<SavedFilter>> Handle(SaveRegistryFilter command, CancellationToken cancellation) =>
        ManagedLists.Change<SavedFilter>(store, null, SavedFilterQueries.All,
            (_, all) => SaveRegistryFilter.Decide(command, Guid.CreateVersion7(), all, time.GetUtcNow()),
            decision => decision.Events.OfType<RegistryFilterSaved>().FirstOrDefault()?.FilterId, cancellation);
}

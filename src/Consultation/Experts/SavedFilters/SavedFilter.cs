using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Registry;

namespace Nq45Consult.Consultation.Experts.SavedFilters;

// A registry search a moderator keeps under a name ("Bác sĩ ngoài tỉnh"), to find the same experts again and to
// invite them. The filter is kept, not the list of people: inviting by it reaches whoever matches at that time.

public sealed record RegistryFilterSaved(Guid FilterId, string Name, RegistryFilter Filter, DateTimeOffset SavedAt, string SavedBy);

public sealed record RegistryFilterRetired(Guid FilterId, DateTimeOffset RetiredAt, string RetiredBy);

public sealed record SavedFilter(Guid Id, string Name, string NormalizedName, RegistryFilter Filter, string SavedBy, DateTimeOffset SavedAt, bool Retired)
    : IManagedListEntry
{
    public const int MaxNameLength = 100;
}

public sealed class SavedFilterProjection : SingleStreamProjection<SavedFilter, Guid>
{
    public static SavedFilter Create(RegistryFilterSaved e) =>
        new(e.FilterId, e.Name, MemberAssociation.Normalize(e.Name), e.Filter, e.SavedBy, e.SavedAt, false);

    public static SavedFilter Apply(RegistryFilterRetired e, SavedFilter filter) => filter with { Retired = true };
}

using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Consultations;
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

/// <summary>Save and retire named filters; names are unique among current filters whatever their diacritics or case.</summary>
public static class ManageSavedFilters
{
    public static Decision Save(Guid id, string? name, RegistryFilter filter, IEnumerable<SavedFilter> existing, string by, DateTimeOffset now)
    {
        var tidy = string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (tidy.Length == 0) return Decision.Invalid("name", "Cần đặt tên cho bộ lọc.");
        if (tidy.Length > SavedFilter.MaxNameLength) return Decision.Invalid("name", $"Tên bộ lọc dài tối đa {SavedFilter.MaxNameLength} ký tự.");
        // An empty filter would be "everyone": inviting by it is never what a moderator means.
        if (filter.IsEmpty)
            return Decision.Invalid("filter", "Bộ lọc trống: chọn ít nhất một điều kiện (lĩnh vực, học vị, hội, từ khoá…).");
        var normalized = MemberAssociation.Normalize(tidy);
        if (existing.Any(f => !f.Retired && f.NormalizedName == normalized)) return Decision.Invalid("name", $"Đã có bộ lọc tên \"{tidy}\".");
        return Decision.Accept(new RegistryFilterSaved(id, tidy, filter, now, by));
    }

    public static Decision Retire(SavedFilter current, string by, DateTimeOffset now) =>
        current.Retired ? Decision.Accept() : Decision.Accept(new RegistryFilterRetired(current.Id, now, by));
}

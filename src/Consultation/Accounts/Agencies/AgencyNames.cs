namespace Nq45Consult.Consultation.Accounts.Agencies;

/// <summary>Agency names are unique whatever their diacritics or case.</summary>
internal static class AgencyNames
{
    /// <summary>Why the name cannot be used for agency <paramref name="self"/>, or null.</summary>
    public static Decision? Problem(string? name, Guid self, IEnumerable<Agency> existing)
    {
        var tidy = ManagedLists.Tidy(name);
        if (tidy.Length == 0) return Decision.Invalid("name", "Cần nhập tên cơ quan.");
        if (tidy.Length > Agency.MaxNameLength) return Decision.Invalid("name", $"Tên cơ quan dài tối đa {Agency.MaxNameLength} ký tự.");
        var normalized = Agency.Normalize(tidy);
        return existing.Any(a => a.Id != self && a.NormalizedName == normalized)
            ? Decision.Invalid("name", $"Đã có cơ quan tên \"{tidy}\".")
            : null;
    }
}

namespace Nq45Consult.Consultation.Accounts.Agencies;

/// <summary>Agency names are unique whatever their diacritics or case.</summary>
internal static class AgencyNames
{
    /// <summary>Why the name cannot be used for agency <paramref name="self"/>, or null.</summary>
    public static Decision? Problem(string? name, Guid self, IEnumerable<Agency> existing)
    {
        var tidy = ManagedLists.Tidy(name);
        if (tidy.Length == 0) return Decision.Invalid("name", DomainText.AgencyNameRequired);
        if (tidy.Length > Agency.MaxNameLength) return Decision.Invalid("name", DomainText.AgencyNameTooLong(Agency.MaxNameLength));
        var normalized = Agency.Normalize(tidy);
        return existing.Any(a => a.Id != self && a.NormalizedName == normalized)
            ? Decision.Invalid("name", DomainText.AgencyNameTaken(tidy))
            : null;
    }
}

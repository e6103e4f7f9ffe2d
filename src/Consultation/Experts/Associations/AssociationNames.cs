namespace Nq45Consult.Consultation.Experts.Associations;

/// <summary>Association names are unique whatever their diacritics or case.</summary>
internal static class AssociationNames
{
    /// <summary>Why the name cannot be used for association <paramref name="self"/>, or null.</summary>
    public static Decision? Problem(string? name, Guid self, IEnumerable<MemberAssociation> existing)
    {
        var tidy = ManagedLists.Tidy(name);
        if (tidy.Length == 0) return Decision.Invalid("name", DomainText.AssociationNameRequired);
        if (tidy.Length > MemberAssociation.MaxNameLength) return Decision.Invalid("name", DomainText.AssociationNameTooLong(MemberAssociation.MaxNameLength));
        var normalized = MemberAssociation.Normalize(tidy);
        return existing.Any(a => a.Id != self && a.NormalizedName == normalized)
            ? Decision.Invalid("name", DomainText.AssociationNameTaken(tidy))
            : null;
    }
}

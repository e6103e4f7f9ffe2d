namespace Nq45Consult.Consultation.Experts.Associations;

/// <summary>Association names are unique whatever their diacritics or case.</summary>
internal static class AssociationNames
{
    /// <summary>Why the name cannot be used for association <paramref name="self"/>, or null.</summary>
    public static Decision? Problem(string? name, Guid self, IEnumerable<MemberAssociation> existing)
    {
        var tidy = ManagedLists.Tidy(name);
        if (tidy.Length == 0) return Decision.Invalid("name", "Cần nhập tên hội.");
        if (tidy.Length > MemberAssociation.MaxNameLength) return Decision.Invalid("name", $"Tên hội dài tối đa {MemberAssociation.MaxNameLength} ký tự.");
        var normalized = MemberAssociation.Normalize(tidy);
        return existing.Any(a => a.Id != self && a.NormalizedName == normalized)
            ? Decision.Invalid("name", $"Đã có hội tên \"{tidy}\".")
            : null;
    }
}

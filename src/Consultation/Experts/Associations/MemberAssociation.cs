using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Experts.Associations;

// Member associations (hội thành viên) of the Union: a managed list. Retired ones stay, so profiles and
// history that name them still read right; they are only no longer offered.

public sealed record AssociationAdded(Guid AssociationId, string Name, DateTimeOffset AddedAt, string AddedBy);

public sealed record AssociationRenamed(Guid AssociationId, string Name, DateTimeOffset RenamedAt, string RenamedBy);

public sealed record AssociationRetired(Guid AssociationId, DateTimeOffset RetiredAt, string RetiredBy);

/// <summary>An entry of a list moderators manage (associations, saved filters): kept for history once retired.</summary>
public interface IManagedListEntry
{
    Guid Id { get; }
    string NormalizedName { get; }
}

public sealed record MemberAssociation(Guid Id, string Name, string NormalizedName, bool Retired) : IManagedListEntry
{
    public const int MaxNameLength = 200;

    public static string Normalize(string name) => ExpertVocabulary.Fold(name);
}

public sealed class MemberAssociationProjection : SingleStreamProjection<MemberAssociation, Guid>
{
    public static MemberAssociation Create(AssociationAdded e) => new(e.AssociationId, e.Name, MemberAssociation.Normalize(e.Name), false);

    public static MemberAssociation Apply(AssociationRenamed e, MemberAssociation a) => a with { Name = e.Name, NormalizedName = MemberAssociation.Normalize(e.Name) };

    public static MemberAssociation Apply(AssociationRetired e, MemberAssociation a) => a with { Retired = true };
}

/// <summary>Add, rename and retire associations; names are unique whatever their diacritics or case.</summary>
public static class ManageAssociations
{
    public static Decision Add(Guid id, string? name, IEnumerable<MemberAssociation> existing, string by, DateTimeOffset now) =>
        CheckName(name, id, existing) ?? Decision.Accept(new AssociationAdded(id, Tidy(name), now, by));

    public static Decision Rename(MemberAssociation current, string? name, IEnumerable<MemberAssociation> existing, string by, DateTimeOffset now)
    {
        if (current.Retired) return Decision.Conflict("Hội đã ngừng, không đổi tên được.");
        if (Tidy(name) == current.Name) return Decision.Accept();
        return CheckName(name, current.Id, existing) ?? Decision.Accept(new AssociationRenamed(current.Id, Tidy(name), now, by));
    }

    public static Decision Retire(MemberAssociation current, string by, DateTimeOffset now) =>
        current.Retired ? Decision.Accept() : Decision.Accept(new AssociationRetired(current.Id, now, by));

    private static Decision? CheckName(string? name, Guid self, IEnumerable<MemberAssociation> existing)
    {
        var tidy = Tidy(name);
        if (tidy.Length == 0) return Decision.Invalid("name", "Cần nhập tên hội.");
        if (tidy.Length > MemberAssociation.MaxNameLength) return Decision.Invalid("name", $"Tên hội dài tối đa {MemberAssociation.MaxNameLength} ký tự.");
        var normalized = MemberAssociation.Normalize(tidy);
        return existing.Any(a => a.Id != self && a.NormalizedName == normalized)
            ? Decision.Invalid("name", $"Đã có hội tên \"{tidy}\".")
            : null;
    }

    private static string Tidy(string? name) => string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

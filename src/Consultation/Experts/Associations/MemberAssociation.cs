using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Experts.Associations;

// Member associations (hội thành viên) of the Union: a managed list. Retired ones stay, so profiles and
// history that name them still read right; they are only no longer offered.

public sealed record AssociationAdded(Guid AssociationId, string Name, DateTimeOffset AddedAt, string AddedBy);

public sealed record AssociationRenamed(Guid AssociationId, string Name, DateTimeOffset RenamedAt, string RenamedBy);

public sealed record AssociationRetired(Guid AssociationId, DateTimeOffset RetiredAt, string RetiredBy);

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

using Marten;

namespace Nq45Consult.Consultation.Experts.Associations;

/// <summary>A retired association stays, so profiles and history that name it still read right; it is no longer offered.</summary>
public sealed record RetireAssociation(Guid AssociationId, string By)
{
    public static Decision Decide(MemberAssociation current, RetireAssociation command, DateTimeOffset now) =>
        current.Retired ? Decision.Accept() : Decision.Accept(new AssociationRetired(current.Id, now, command.By));
}

public sealed class RetireAssociationHandler(IDocumentStore store, TimeProvider time)
{
    public Task<ListEntryOutcome<MemberAssociation>> Handle(RetireAssociation command, CancellationToken cancellation) =>
        ManagedLists.Change<MemberAssociation>(store, command.AssociationId, AssociationQueries.All,
            (current, _) => RetireAssociation.Decide(current!, command, time.GetUtcNow()), _ => null, cancellation);
}

using Marten;

namespace Nq45Consult.Consultation.Experts.Associations;

public sealed record RenameAssociation(Guid AssociationId, string? Name, string By)
{
    public static Decision Decide(MemberAssociation current, RenameAssociation command, IEnumerable<MemberAssociation> existing, DateTimeOffset now)
    {
        if (current.Retired) return Decision.Conflict(DomainText.AssociationRetiredNoRename);
        var name = ManagedLists.Tidy(command.Name);
        if (name == current.Name) return Decision.Accept();
        return AssociationNames.Problem(name, current.Id, existing) ?? Decision.Accept(new AssociationRenamed(current.Id, name, now, command.By));
    }
}

public sealed class RenameAssociationHandler(IDocumentStore store, TimeProvider time)
{
    public Task<ListEntryOutcome<MemberAssociation>> Handle(RenameAssociation command, CancellationToken cancellation) =>
        ManagedLists.Change<MemberAssociation>(store, command.AssociationId, AssociationQueries.All,
            (current, all) => RenameAssociation.Decide(current!, command, all, time.GetUtcNow()), _ => null, cancellation);
}

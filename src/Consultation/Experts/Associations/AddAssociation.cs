using Marten;

namespace Nq45Consult.Consultation.Experts.Associations;

public sealed record AddAssociation(string? Name, string By)
{
    public static Decision Decide(AddAssociation command, Guid id, IEnumerable<MemberAssociation> existing, DateTimeOffset now) =>
        AssociationNames.Problem(command.Name, id, existing) ?? Decision.Accept(new AssociationAdded(id, ManagedLists.Tidy(command.Name), now, command.By));
}

public sealed class AddAssociationHandler(IDocumentStore store, TimeProvider time)
{
    public Task<ListEntryOutcome<MemberAssociation>> Handle(AddAssociation command, CancellationToken cancellation) =>
        ManagedLists.Change<MemberAssociation>(store, null, AssociationQueries.All,
            (_, all) => AddAssociation.Decide(command, Guid.CreateVersion7(), all, time.GetUtcNow()),
            decision => decision.Events.OfType<AssociationAdded>().FirstOrDefault()?.AssociationId, cancellation);
}

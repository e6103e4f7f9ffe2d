using Marten;

namespace Nq45Consult.Consultation.Accounts.Agencies;

/// <summary>An admin renames an agency (a reorganisation, a typo); consultations and accounts keep naming it by id.</summary>
public sealed record RenameAgency(Guid AgencyId, string? Name, string By)
{
    public static Decision Decide(Agency current, RenameAgency command, IEnumerable<Agency> existing, DateTimeOffset now)
    {
        if (current.Retired) return Decision.Conflict(DomainText.AgencyRetiredNoRename);
        var name = ManagedLists.Tidy(command.Name);
        if (name == current.Name) return Decision.Accept();
        return AgencyNames.Problem(name, current.Id, existing) ?? Decision.Accept(new AgencyRenamed(current.Id, name, now, command.By));
    }
}

public sealed class RenameAgencyHandler(IDocumentStore store, TimeProvider time)
{
    public Task<ListEntryOutcome<Agency>> Handle(RenameAgency command, CancellationToken cancellation) =>
        ManagedLists.Change<Agency>(store, command.AgencyId, AgencyQueries.All,
            (current, all) => RenameAgency.Decide(current!, command, all, time.GetUtcNow()), _ => null, cancellation);
}

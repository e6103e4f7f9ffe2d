using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Accounts.Agencies;

// Agencies (cơ quan soạn thảo): the bodies that draft documents and answer the feedback on them. Admins keep the list;
// a retired agency stays, so consultations, accounts and history that name it still read right; it is only no longer
// offered.

public sealed record AgencyCreated(Guid AgencyId, string Name, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record AgencyRenamed(Guid AgencyId, string Name, DateTimeOffset RenamedAt, string RenamedBy);

public sealed record AgencyRetired(Guid AgencyId, DateTimeOffset RetiredAt, string RetiredBy);

public sealed record Agency(Guid Id, string Name, string NormalizedName, bool Retired) : IManagedListEntry
{
    public const int MaxNameLength = 300;

    public static string Normalize(string? name) => TextFold.Fold(name);
}

public sealed class AgencyProjection : SingleStreamProjection<Agency, Guid>
{
    public static Agency Create(AgencyCreated e) => new(e.AgencyId, e.Name, Agency.Normalize(e.Name), false);

    public static Agency Apply(AgencyRenamed e, Agency a) => a with { Name = e.Name, NormalizedName = Agency.Normalize(e.Name) };

    public static Agency Apply(AgencyRetired e, Agency a) => a with { Retired = true };
}

using Nq45Consult.Consultation.Accounts.Administering;
using Nq45Consult.Consultation.Accounts.Querying;
using Nq45Consult.Consultation.Seeding;

namespace Nq45Consult.Consultation.Accounts.Agencies;

/// <summary>
/// The demo agency, the sample plan's drafting body, with the demo <c>official</c> as its member (after the accounts,
/// before the sample consultations, which then name it by its name in their front matter).
/// </summary>
public sealed class DemoAgencies(AgencyQueries agencies, CreateAgencyHandler create, AssignAgencyHandler assign, AccountQueries accounts) : IDemoSeeder
{
    public const string AgencyName = "Ban Tuyên giáo Tỉnh ủy";

    public const string Official = "official";

    /// <summary>Membership is an admin's change, audited as one: the demo admin's.</summary>
    private const string Admin = "admin";

    public int Order => 3;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var agency = (await agencies.All(cancellationToken)).FirstOrDefault(a => a.Name == AgencyName)
            ?? (await create.Handle(new CreateAgency(AgencyName, DemoAccounts.SeededBy), cancellationToken)).Entry;
        if (agency is null || await accounts.Find(Official, cancellationToken) is not { AgencyId: null }) return;
        await assign.Handle(new AssignAgency(Official, agency.Id, Admin), cancellationToken);
    }
}

using Marten;
using Nq45Consult.Consultation.Accounts.Registering;
using Nq45Consult.Consultation.Seeding;

namespace Nq45Consult.Consultation.Accounts;

/// <summary>The six demo accounts of the public contract, all with the demo password.</summary>
public sealed class DemoAccounts(IDocumentStore store, RegisterAccountHandler register) : IDemoSeeder
{
    public const string SeededBy = "demo-seeding";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, Role Role)> People =
    [
        ("admin", "Lê Minh Quân", Role.Admin),
        ("moderator", "ThS. Trần Thị Bích Ngọc", Role.Moderator),
        ("official", "Phạm Quốc Hùng", Role.Official),
        ("expert1", "PGS.TS. Nguyễn Văn An", Role.Expert),
        ("expert2", "TS. Lê Thị Hồng Nhung", Role.Expert),
        ("expert3", "LS. Hoàng Đức Minh", Role.Expert),
    ];

    public int Order => 0;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        foreach (var (userName, displayName, role) in People)
        {
            await using (var session = store.QuerySession())
                if (await AccountLookup.ExistsAsync(session, userName, cancellationToken)) continue;
            await register.Handle(new RegisterAccount(userName, displayName, [role], context.DemoPassword(), SeededBy), cancellationToken);
        }
    }
}

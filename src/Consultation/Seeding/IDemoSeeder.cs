namespace Nq45Consult.Consultation.Seeding;

/// <summary>
/// Creates demo data when Seed:Demo is on. The host runs every registered seeder once at start, after the
/// schema is applied, in ascending <see cref="Order"/>; each must be idempotent (a second start adds nothing).
/// </summary>
public interface IDemoSeeder
{
    /// <summary>Accounts are 0; seeders that need accounts (sample consultations) use a higher number.</summary>
    int Order { get; }

    Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken);
}

/// <summary>What every seeder may need: the demo password (so seeded people can sign in).</summary>
public sealed record DemoSeedContext(Func<string> DemoPassword);

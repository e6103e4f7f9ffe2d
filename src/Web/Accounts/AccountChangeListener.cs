using Nq45Consult.Consultation.Accounts.Caching;
using Nq45Consult.Web.Storage;

namespace Nq45Consult.Web.Accounts;

/// <summary>Keeps <see cref="AccountCache"/> listening to account changes for as long as the app runs.</summary>
public sealed class AccountChangeListener(AccountCache cache, DatabaseConnection database, ILogger<AccountChangeListener> logger) : BackgroundService
{
    // Until it listens again every session check reads the database, so a short outage costs speed, not safety.
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        cache.Listen(database.ConnectionString, RetryAfter,
            e => logger.LogWarning(e, "Listening to account changes failed; session checks read the database until it listens again"), stoppingToken);
}

using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Accounts;

/// <summary>Marten configuration of local accounts and the agencies officials belong to.</summary>
public static class AccountsStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddAccountsStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public const string UserNameIndex = "ux_account_user_name";
    public const string EntraIdKeyIndex = "ux_account_entra_id_key";

    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<AccountProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<OneTimeLinks.OneTimeLinkProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<Agencies.AgencyProjection>(ProjectionLifecycle.Inline);
        options.Listeners.Add(new Caching.AccountChangeSignal());
        // Two registrations of one user name fail at save time, whichever node writes them.
        options.Schema.For<Account>().UniqueIndex(UniqueIndexType.Computed, UserNameIndex, x => x.NormalizedUserName);
        // One account per Entra ID person, even when their first two requests reach two nodes at once.
        options.Schema.For<Account>().UniqueIndex(UniqueIndexType.Computed, EntraIdKeyIndex, x => x.EntraIdKey!);
    }
}

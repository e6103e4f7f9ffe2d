using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;

namespace Nq45Consult.Consultation.Accounts;

/// <summary>Marten configuration of local accounts.</summary>
public static class AccountsStore
{
    public const string UserNameIndex = "ux_account_user_name";

    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<AccountProjection>(ProjectionLifecycle.Inline);
        options.Listeners.Add(new Caching.AccountChangeSignal());
        // Two registrations of one user name fail at save time, whichever node writes them.
        options.Schema.For<Account>().UniqueIndex(UniqueIndexType.Computed, UserNameIndex, x => x.NormalizedUserName);
    }
}

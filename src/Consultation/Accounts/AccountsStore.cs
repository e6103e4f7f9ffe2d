using Marten;

namespace Nq45Consult.Consultation.Accounts;

/// <summary>Marten configuration of local accounts.</summary>
public static class AccountsStore
{
    public static void Configure(StoreOptions options)
    {
    }
}

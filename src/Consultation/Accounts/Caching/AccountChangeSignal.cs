using Marten;
using Marten.Services;

namespace Nq45Consult.Consultation.Accounts.Caching;

/// <summary>
/// Tells every node's <see cref="AccountCache"/> which accounts a transaction changed in a way session checks see
/// (roles, agency, deactivation, reactivation, password set or reset): a <c>pg_notify</c> queued in the same transaction,
/// so it is delivered if and only if the change commits. Registered with the store, whatever process writes.
/// </summary>
public sealed class AccountChangeSignal : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var id in Changed(session)) session.QueueSqlCommand($"select pg_notify('{AccountCache.Channel}', ?)", id.ToString());
        return Task.CompletedTask;
    }

    private static IEnumerable<Guid> Changed(IDocumentSession session) => Accounts(session.PendingChanges.Streams().SelectMany(s => s.Events));

    private static IEnumerable<Guid> Accounts(IEnumerable<JasperFx.Events.IEvent> events) =>
        events.Select(e => e.Data switch
        {
            AccountRolesChanged c => c.AccountId,
            AccountAssignedToAgency c => c.AccountId,
            AccountDeactivated c => c.AccountId,
            AccountReactivated c => c.AccountId,
            PasswordReset c => c.AccountId,
            PasswordChanged c => c.AccountId,
            _ => (Guid?)null,
        }).OfType<Guid>().Distinct();

    /// <summary>Drops this node's entries as soon as the change commits, without waiting for the notification.</summary>
    public sealed class EvictAfterCommit(AccountCache cache) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            foreach (var id in Accounts(commit.GetEvents())) cache.Evict(id);
            return Task.CompletedTask;
        }
    }
}

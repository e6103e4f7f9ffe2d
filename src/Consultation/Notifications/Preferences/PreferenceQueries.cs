using Marten;

namespace Nq45Consult.Consultation.Notifications.Preferences;

public sealed class PreferenceQueries(IDocumentStore store)
{
    /// <summary>The person's e-mail choices; everything on when they never chose.</summary>
    public async Task<NotificationPreferences> Of(string userName, CancellationToken cancellation = default)
    {
        await using var query = store.QuerySession();
        return await query.LoadAsync<NotificationPreferences>(NotificationPreferences.IdOf(userName), cancellation)
            ?? NotificationPreferences.Default(userName);
    }
}

using Marten;

namespace Nq45Consult.Consultation.Notifications.Preferences;

/// <summary>The person chooses which kinds of notification they do not want by e-mail (kebab-case names, as the API has them).</summary>
public sealed record SetEmailPreferences(string UserName, IReadOnlyList<string?>? EmailOff)
{
    public static Decision Decide(SetEmailPreferences command, DateTimeOffset now)
    {
        if (command.EmailOff is null) return Decision.Invalid("emailOff", DomainText.NotificationKindsListRequired);
        var (kinds, unknown) = NotificationPreferences.Parse(command.EmailOff);
        if (unknown.Count > 0)
            return Decision.Invalid("emailOff",
                DomainText.NotificationKindUnknown(string.Join(", ", unknown.Select(u => $"\"{u}\"")), KebabCase.Names<NotificationKind>()));
        var id = NotificationPreferences.IdOf(command.UserName);
        return Decision.Accept(new EmailPreferencesSet(id, command.UserName, kinds, now));
    }
}

/// <summary>The decision, and the choices as they now stand when accepted.</summary>
public sealed record PreferencesOutcome(Decision Decision, NotificationPreferences? Preferences);

public sealed class SetEmailPreferencesHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<PreferencesOutcome> Handle(SetEmailPreferences command, CancellationToken cancellation)
    {
        var decision = SetEmailPreferences.Decide(command, time.GetUtcNow());
        if (!decision.Accepted) return new(decision, null);
        var id = NotificationPreferences.IdOf(command.UserName);
        await using var session = store.LightweightSession();
        session.Events.Append(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new(decision, await session.LoadAsync<NotificationPreferences>(id, cancellation));
    }
}

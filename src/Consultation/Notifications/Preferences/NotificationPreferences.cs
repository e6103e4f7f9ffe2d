using System.Security.Cryptography;
using System.Text;
using Marten;
using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Notifications.Preferences;

/// <summary>A person chose which kinds of notification they do not want by e-mail (in-app ones always arrive).</summary>
public sealed record EmailPreferencesSet(Guid PreferencesId, string UserName, IReadOnlyList<NotificationKind> EmailOff, DateTimeOffset SetAt);

/// <summary>One person's e-mail choices; the stream id is derived from the user name, so it needs no lookup.</summary>
public sealed record NotificationPreferences(Guid Id, string UserName, IReadOnlyList<NotificationKind> EmailOff, DateTimeOffset SetAt)
{
    public bool WantsEmail(NotificationKind kind) => !EmailOff.Contains(kind);

    public static NotificationPreferences Default(string userName) => new(IdOf(userName), Account.Normalize(userName), [], DateTimeOffset.MinValue);

    /// <summary>A stable id per normalized user name (a name-based UUID), the same on every node.</summary>
    public static Guid IdOf(string userName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("notification-preferences:" + Account.Normalize(userName)));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style: name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>Parses the kinds as the API names them (kebab-case); the unknown ones are returned to be reported.</summary>
    public static (IReadOnlyList<NotificationKind> Kinds, IReadOnlyList<string> Unknown) Parse(IEnumerable<string?> names)
    {
        var kinds = new List<NotificationKind>();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (KebabCase.TryParse<NotificationKind>(name ?? "", out var kind)) kinds.Add(kind);
            else unknown.Add(name ?? "");
        }
        return (kinds.Distinct().Order().ToList(), unknown);
    }
}

public sealed class NotificationPreferencesProjection : SingleStreamProjection<NotificationPreferences, Guid>
{
    public static NotificationPreferences Create(EmailPreferencesSet e) => new(e.PreferencesId, Account.Normalize(e.UserName), e.EmailOff, e.SetAt);

    public static NotificationPreferences Apply(EmailPreferencesSet e, NotificationPreferences current) =>
        current with { EmailOff = e.EmailOff, SetAt = e.SetAt };
}

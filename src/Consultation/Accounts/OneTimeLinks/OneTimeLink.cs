using System.Security.Cryptography;
using System.Text;
using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Accounts.OneTimeLinks;

// A link e-mailed to a person (verify an address, reset a password, accept an invitation) carries a random token.
// Only a hash of the token is stored: the link's stream id is derived from it, so a database reader cannot rebuild
// a working link, and finding a link needs no index. Each link can be used once, before it expires; a link is
// revoked, never deleted.

/// <summary>What a link lets its holder do; a token for one purpose is worthless for another.</summary>
public enum LinkPurpose
{
    EmailVerification,
    PasswordReset,
    Invitation,
    EmailChange,
}

/// <summary>A link was made for <paramref name="Subject"/> (a user name, an e-mail address or an invitation id).</summary>
public sealed record OneTimeLinkIssued(
    Guid LinkId, LinkPurpose Purpose, string Subject, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string IssuedBy);

/// <summary>The link was followed to its end (the password set, the address verified): it works no more.</summary>
public sealed record OneTimeLinkUsed(Guid LinkId, DateTimeOffset UsedAt);

/// <summary>The link was withdrawn (an invitation revoked, a newer reset link sent) before it was used.</summary>
public sealed record OneTimeLinkRevoked(Guid LinkId, DateTimeOffset RevokedAt, string RevokedBy);

public sealed record OneTimeLink(
    Guid Id, LinkPurpose Purpose, string Subject, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>
    /// The one answer to every token that cannot be used — unknown, used, expired, revoked or for another purpose —
    /// so that nobody learns which of these it was.
    /// </summary>
    public static string Unusable => DomainText.LinkUnusable;

    public bool IsUsable(LinkPurpose purpose, DateTimeOffset now) =>
        Purpose == purpose && UsedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>The stream id of the link a token belongs to: the first 128 bits of the token's SHA-256.</summary>
    public static Guid IdOf(string token) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())).AsSpan(0, 16));

    /// <summary>
    /// A new link: the token to put in the e-mail (256 random bits, URL-safe) and the event to append — in the same
    /// transaction as the e-mail that carries it.
    /// </summary>
    public static (string Token, OneTimeLinkIssued Issued) Issue(
        LinkPurpose purpose, string subject, TimeSpan lifetime, DateTimeOffset now, string issuedBy)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, new OneTimeLinkIssued(IdOf(token), purpose, subject, now, now + lifetime, issuedBy));
    }

    /// <summary>Using the link: accepted once, only for its purpose and before it expires; otherwise <see cref="Unusable"/>.</summary>
    public static Decision Use(OneTimeLink? link, LinkPurpose purpose, DateTimeOffset now) =>
        link is not null && link.IsUsable(purpose, now)
            ? Decision.Accept(new OneTimeLinkUsed(link.Id, now))
            : Decision.Invalid("token", Unusable);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed class OneTimeLinkProjection : SingleStreamProjection<OneTimeLink, Guid>
{
    public static OneTimeLink Create(OneTimeLinkIssued e) => new(e.LinkId, e.Purpose, e.Subject, e.IssuedAt, e.ExpiresAt, null, null);

    public static OneTimeLink Apply(OneTimeLinkUsed e, OneTimeLink link) => link with { UsedAt = e.UsedAt };

    public static OneTimeLink Apply(OneTimeLinkRevoked e, OneTimeLink link) => link with { RevokedAt = e.RevokedAt };
}

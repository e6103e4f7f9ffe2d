using Marten;

namespace Nq45Consult.Consultation.Accounts.OneTimeLinks;

/// <summary>
/// Issuing and using links inside the caller's own unit of work, so that a link is used if and only if what it
/// was for (a new password, a verified address, an accepted invitation) is saved with it.
/// </summary>
public static class OneTimeLinkSession
{
    /// <summary>Starts the link's stream in <paramref name="session"/>; returns the token for the e-mail.</summary>
    public static string Issue(
        this IDocumentSession session, LinkPurpose purpose, string subject, TimeSpan lifetime, DateTimeOffset now, string issuedBy)
    {
        var (token, issued) = OneTimeLink.Issue(purpose, subject, lifetime, now, issuedBy);
        session.Events.StartStream<OneTimeLink>(issued.LinkId, issued);
        return token;
    }

    /// <summary>
    /// Marks the link of <paramref name="token"/> used in <paramref name="session"/>, at the version read, and returns
    /// it with the decision. Two requests racing with one token: the second fails at save time with Marten's
    /// concurrency exception, which the caller answers as <see cref="OneTimeLink.Unusable"/>.
    /// </summary>
    public static async Task<(Decision Decision, OneTimeLink? Link)> UseLink(
        this IDocumentSession session, string? token, LinkPurpose purpose, DateTimeOffset now, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(token)) return (Decision.Invalid("token", OneTimeLink.Unusable), null);
        var stream = await session.Events.FetchForWriting<OneTimeLink>(OneTimeLink.IdOf(token), cancellation);
        var decision = OneTimeLink.Use(stream.Aggregate, purpose, now);
        if (decision.Accepted) stream.AppendMany(decision.Events);
        return (decision, stream.Aggregate);
    }

    /// <summary>
    /// Revokes every still-usable link of <paramref name="purpose"/> for <paramref name="subject"/> (a newer one replaces
    /// them), but <paramref name="except"/>: the link being used in this session.
    /// </summary>
    public static async Task RevokeLinks(
        this IDocumentSession session, LinkPurpose purpose, string subject, DateTimeOffset now, string revokedBy, CancellationToken cancellation,
        Guid? except = null)
    {
        var open = await session.Query<OneTimeLink>()
            .Where(link => link.Purpose == purpose && link.Subject == subject && link.UsedAt == null && link.RevokedAt == null)
            .ToListAsync(cancellation);
        foreach (var link in open.Where(l => l.Id != except)) session.Events.Append(link.Id, new OneTimeLinkRevoked(link.Id, now, revokedBy));
    }
}

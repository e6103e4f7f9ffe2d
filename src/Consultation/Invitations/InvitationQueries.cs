using Marten;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Invitations;

/// <summary>One e-mailed invitation as a moderator follows it: sent, opened, account created, took part.</summary>
/// <param name="TookPart">The account gave feedback on the consultation (or, for a live session, asked or spoke in it).</param>
public sealed record InvitationRow(
    Guid Id, string Email, string? Name, Guid? ProfileId, Guid? SessionId, InvitationStatus Status, DateTimeOffset SentAt,
    DateTimeOffset LastSentAt, int Sends, DateTimeOffset? OpenedAt, DateTimeOffset? AcceptedAt, string? UserName, bool TookPart,
    DateTimeOffset? RevokedAt);

/// <param name="Queued">Invitees of queued batches still waiting for their e-mail.</param>
public sealed record InvitationList(int Queued, IReadOnlyList<InvitationRow> Invitations)
{
    public int Count(InvitationStatus status) => Invitations.Count(i => i.Status == status);

    public int TookPart => Invitations.Count(i => i.TookPart);
}

/// <summary>E-mailed invitations, for moderators only (addresses are personal data).</summary>
public sealed class InvitationQueries(IDocumentStore store, DialogueSessions sessions)
{
    /// <summary>Every e-mailed invitation to the consultation (and its sessions), newest first; null for anyone but a moderator.</summary>
    public async Task<InvitationList?> Of(Guid consultationId, Caller? caller, CancellationToken cancellation = default)
    {
        if (caller is not { IsModerator: true }) return null;
        await using var session = store.QuerySession();
        var invitations = await session.Query<EmailInvitation>().Where(i => i.ConsultationId == consultationId).ToListAsync(cancellation);
        var queued = (await session.Query<InvitationBatch>().Where(b => b.ConsultationId == consultationId && b.Remaining > 0)
            .Select(b => b.Remaining).ToListAsync(cancellation)).Sum();
        var authors = (await session.Query<FeedbackItem>().Where(x => x.ConsultationId == consultationId)
            .Select(x => x.AuthorUserName).Distinct().ToListAsync(cancellation)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var speakers = new Dictionary<Guid, HashSet<string>>();
        foreach (var sessionId in invitations.Where(i => i.UserName is not null).Select(i => i.SessionId).OfType<Guid>().Distinct())
            if (await sessions.Known(sessionId, cancellation) is { } live)
                speakers[sessionId] = [.. live.Questions.Values.Select(q => q.AskedBy), .. live.Messages.Values.Select(m => m.SaidBy)];
        bool TookPart(EmailInvitation i) =>
            i.UserName is { } user && (authors.Contains(user) || (i.SessionId is { } s && speakers.TryGetValue(s, out var said) && said.Contains(user, StringComparer.OrdinalIgnoreCase)));
        return new(queued, [.. invitations.OrderByDescending(i => i.LastSentAt).ThenBy(i => i.Email).Select(i => new InvitationRow(
            i.Id, i.Email, i.Name, i.ProfileId, i.SessionId, i.Status, i.SentAt, i.LastSentAt, i.Sends, i.OpenedAt, i.AcceptedAt, i.UserName, TookPart(i),
            i.RevokedAt))]);
    }

    /// <summary>The live sessions of the consultation, which invitations may name as their target.</summary>
    public async Task<IReadOnlyList<SessionListing>> Sessions(Guid consultationId, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await SessionListing.Of(session, consultationId, cancellation);
    }
}

using Marten;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Consultation.Invitations.Accepting;

/// <summary>
/// The invited person opened their link's page: noted once (moderators see "opened"), without using the link — the
/// link is used only when the account is created.
/// </summary>
public sealed record OpenInvitation(string? Token)
{
    public static Decision Decide(EmailInvitation invitation, DateTimeOffset now) =>
        invitation.OpenedAt is null ? Decision.Accept(new InvitationOpened(invitation.Id, now)) : Decision.Nothing;
}

/// <summary>What the invitation page shows: to whom and to what; <see cref="Name"/> pre-fills the form.</summary>
public sealed record InvitationView(Guid Id, string Email, string? Name, string ConsultationTitle, string? SessionTitle);

public sealed class OpenInvitationHandler(IDocumentStore store, TimeProvider time, DialogueSessions sessions)
{
    /// <summary>The invitation of a usable link, or null for every other token (unknown, used, expired, revoked) alike.</summary>
    public async Task<InvitationView?> Handle(OpenInvitation command, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(command.Token)) return null;
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var link = await session.LoadAsync<OneTimeLink>(OneTimeLink.IdOf(command.Token), cancellation);
        if (link is null || !link.IsUsable(LinkPurpose.Invitation, now) || !Guid.TryParse(link.Subject, out var id)) return null;
        var invitation = await session.LoadAsync<EmailInvitation>(id, cancellation);
        var consultation = invitation is null ? null : await session.LoadAsync<ConsultationDetails>(invitation.ConsultationId, cancellation);
        if (invitation is not { IsOpen: true } || consultation is null) return null;
        var decision = OpenInvitation.Decide(invitation, now);
        if (decision.Events.Count > 0)
        {
            session.Events.Append(invitation.Id, decision.Events);
            await session.SaveChangesAsync(cancellation);
        }
        var live = invitation.SessionId is { } sessionId ? await sessions.Known(sessionId, cancellation) : null;
        return new(invitation.Id, invitation.Email, invitation.Name, consultation.Title, live?.Title);
    }
}

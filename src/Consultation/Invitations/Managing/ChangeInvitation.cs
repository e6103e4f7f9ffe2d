using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Invitations.Inviting;

namespace Nq45Consult.Consultation.Invitations.Managing;

/// <summary>A moderator sends an invitation's e-mail again: a new link, the old one revoked.</summary>
public sealed record ResendInvitation(Guid InvitationId, Caller Caller)
{
    public static Decision Decide(EmailInvitation? invitation, ResendInvitation command, DateTimeOffset now) =>
        InvitationChange.Refusal(invitation, command.Caller) ?? Decision.Accept(new InvitationResent(invitation!.Id, now, command.Caller.UserName));
}

/// <summary>A moderator withdraws an invitation: its link stops working; revoking twice changes nothing.</summary>
public sealed record RevokeInvitation(Guid InvitationId, Caller Caller)
{
    public static Decision Decide(EmailInvitation? invitation, RevokeInvitation command, DateTimeOffset now) =>
        invitation?.RevokedAt is not null && command.Caller.IsModerator ? Decision.Nothing
        : InvitationChange.Refusal(invitation, command.Caller) ?? Decision.Accept(new InvitationRevoked(invitation!.Id, now, command.Caller.UserName));
}

public sealed record InvitationOutcome(Decision Decision, EmailInvitation? Invitation);

/// <summary>Resend and revoke: load the invitation, decide, append; revoke its links and, to resend, issue and e-mail a new one.</summary>
public sealed class InvitationChange(IDocumentStore store, TimeProvider time, IOptions<InvitationOptions> options, DialogueSessions sessions)
{
    /// <summary>Why the invitation cannot change: unknown, not the caller's to change, or no longer waiting.</summary>
    internal static Decision? Refusal(EmailInvitation? invitation, Caller caller) =>
        invitation is null ? Decision.NotFound(DomainText.InvitationNotFound)
        : !caller.IsModerator ? Decision.Forbid(DomainText.InvitationsModeratorsOnly)
        : invitation.AcceptedAt is not null ? Decision.Conflict(DomainText.InvitationAlreadyAccepted)
        : invitation.RevokedAt is not null ? Decision.Conflict(DomainText.InvitationRevoked)
        : null;

    public Task<InvitationOutcome> Handle(ResendInvitation command, CancellationToken cancellation) =>
        Change(command.InvitationId, command.Caller, (invitation, now) => ResendInvitation.Decide(invitation, command, now), cancellation);

    public Task<InvitationOutcome> Handle(RevokeInvitation command, CancellationToken cancellation) =>
        Change(command.InvitationId, command.Caller, (invitation, now) => RevokeInvitation.Decide(invitation, command, now), cancellation);

    private async Task<InvitationOutcome> Change(
        Guid id, Caller caller, Func<EmailInvitation?, DateTimeOffset, Decision> decide, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<EmailInvitation>(id, cancellation);
        var decision = decide(stream.Aggregate, now);
        if (!decision.Accepted || decision.Events.Count == 0) return new(decision, stream.Aggregate);
        var invitation = stream.Aggregate!;
        stream.AppendMany(decision.Events);
        await session.RevokeLinks(LinkPurpose.Invitation, id.ToString(), now, caller.UserName, cancellation);
        if (decision.Events.OfType<InvitationResent>().Any()
            && await InvitationLetter.For(session, sessions, invitation.ConsultationId, invitation.SessionId, cancellation) is { } letter)
            letter.Send(session, id, invitation.Email, options.Value.LinkLifetime, now, caller.UserName, invitation.Language);
        await session.SaveChangesAsync(cancellation);
        return new(decision, await session.LoadAsync<EmailInvitation>(id, cancellation));
    }
}

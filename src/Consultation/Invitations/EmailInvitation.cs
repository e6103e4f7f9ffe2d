using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Invitations;

// An invitation to a person without an account is a stream of its own, one per person and target (a consultation,
// or a live session of it): sent, opened, accepted (an account created), resent, revoked. The token of its e-mailed
// link lives only in the e-mail: the link (Accounts/OneTimeLinks, subject = the invitation's id) keeps its hash.

/// <summary>The invitation's e-mail was queued in the outbox (with a new link) for <paramref name="Email"/>.</summary>
/// <param name="ProfileId">The registry profile the person's account will be linked to, when the invitation came from the registry.</param>
/// <param name="BatchId">The request that queued it (<see cref="InvitationBatch"/>).</param>
public sealed record InvitationEmailed(
    Guid InvitationId, Guid ConsultationId, Guid? SessionId, string Email, string? Name, Guid? ProfileId, Guid BatchId,
    DateTimeOffset SentAt, string SentBy, string? Language = null);

/// <summary>The link's page was visited (the first time only) while the link could still be used.</summary>
public sealed record InvitationOpened(Guid InvitationId, DateTimeOffset OpenedAt);

/// <summary>The person created their account through the link.</summary>
public sealed record InvitationAccepted(Guid InvitationId, string UserName, DateTimeOffset AcceptedAt);

/// <summary>A moderator sent the e-mail again with a new link; the old link was revoked with it.</summary>
public sealed record InvitationResent(Guid InvitationId, DateTimeOffset ResentAt, string ResentBy);

/// <summary>A moderator withdrew the invitation; its link was revoked with it.</summary>
public sealed record InvitationRevoked(Guid InvitationId, DateTimeOffset RevokedAt, string RevokedBy);

public enum InvitationStatus
{
    Sent,
    Opened,
    Accepted,
    Revoked,
}

/// <summary>One e-mailed invitation as moderators follow it; built inline from its stream.</summary>
public sealed record EmailInvitation(
    Guid Id, Guid ConsultationId, Guid? SessionId, string Email, string? Name, Guid? ProfileId, Guid BatchId,
    DateTimeOffset SentAt, string SentBy)
{
    public DateTimeOffset LastSentAt { get; init; }
    public int Sends { get; init; } = 1;
    public DateTimeOffset? OpenedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public string? UserName { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The language its e-mail is written in, resent ones too: the one of the request that queued it.</summary>
    public string? Language { get; init; }

    /// <summary>Still waiting for its person: neither accepted nor revoked.</summary>
    public bool IsOpen => AcceptedAt is null && RevokedAt is null;

    public InvitationStatus Status =>
        RevokedAt is not null ? InvitationStatus.Revoked
        : AcceptedAt is not null ? InvitationStatus.Accepted
        : OpenedAt is not null ? InvitationStatus.Opened
        : InvitationStatus.Sent;

    /// <summary>How an address is compared: trimmed, lower case.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

public sealed class EmailInvitationProjection : SingleStreamProjection<EmailInvitation, Guid>
{
    public static EmailInvitation Create(InvitationEmailed e) =>
        new(e.InvitationId, e.ConsultationId, e.SessionId, e.Email, e.Name, e.ProfileId, e.BatchId, e.SentAt, e.SentBy) { LastSentAt = e.SentAt, Language = e.Language };

    public static EmailInvitation Apply(InvitationOpened e, EmailInvitation i) => i with { OpenedAt = i.OpenedAt ?? e.OpenedAt };

    public static EmailInvitation Apply(InvitationAccepted e, EmailInvitation i) => i with { AcceptedAt = e.AcceptedAt, UserName = e.UserName };

    public static EmailInvitation Apply(InvitationResent e, EmailInvitation i) => i with { LastSentAt = e.ResentAt, Sends = i.Sends + 1 };

    public static EmailInvitation Apply(InvitationRevoked e, EmailInvitation i) => i with { RevokedAt = e.RevokedAt };
}

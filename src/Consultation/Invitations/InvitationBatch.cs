using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Invitations;

/// <summary>One person to invite by e-mail, as a request named them (an address, or a registry profile with one).</summary>
public sealed record Invitee(string Email, string? Name, Guid? ProfileId);

/// <summary>
/// A moderator's request to invite people by e-mail: all its invitees, in one event, so that ten thousand are queued in
/// one short transaction. Their invitations and e-mails are then written a chunk at a time (<see cref="InvitationChunkSent"/>).
/// </summary>
public sealed record InvitationsQueued(
    Guid BatchId, Guid ConsultationId, Guid? SessionId, IReadOnlyList<Invitee> Invitees, DateTimeOffset QueuedAt, string QueuedBy,
    string? Language = null);

/// <summary>The next <paramref name="Count"/> invitees of the batch got their invitation and e-mail.</summary>
public sealed record InvitationChunkSent(Guid BatchId, int Count, DateTimeOffset SentAt);

public sealed record InvitationBatch(
    Guid Id, Guid ConsultationId, Guid? SessionId, IReadOnlyList<Invitee> Invitees, DateTimeOffset QueuedAt, string QueuedBy)
{
    /// <summary>How many of <see cref="Invitees"/>, from the first, have their invitation.</summary>
    public int Sent { get; init; }

    /// <summary>Invitees still waiting for their invitation (a column of its own, so the sender finds batches cheaply).</summary>
    public int Remaining { get; init; }

    /// <summary>The language of the request that queued it: its invitees have no account, hence no language of their own.</summary>
    public string? Language { get; init; }
}

public sealed class InvitationBatchProjection : SingleStreamProjection<InvitationBatch, Guid>
{
    public static InvitationBatch Create(InvitationsQueued e) =>
        new(e.BatchId, e.ConsultationId, e.SessionId, e.Invitees, e.QueuedAt, e.QueuedBy) { Remaining = e.Invitees.Count, Language = e.Language };

    public static InvitationBatch Apply(InvitationChunkSent e, InvitationBatch b) =>
        b with { Sent = b.Sent + e.Count, Remaining = b.Remaining - e.Count };
}

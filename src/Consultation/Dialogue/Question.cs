using System.Collections.Immutable;

namespace Nq45Consult.Consultation.Dialogue;

public enum QuestionStatus
{
    /// <summary>Waiting for a moderator (pre-moderation): seen only by its asker and the moderators.</summary>
    Pending,
    Visible,
    Rejected,
}

/// <summary>One question of a session, optionally about a section of the draft.</summary>
public sealed record Question(
    Guid Id,
    string Text,
    string? SectionAnchor,
    string AskedBy,
    string AskedByName,
    DateTimeOffset AskedAt,
    long AskedSeq,
    QuestionStatus Status,
    bool EverPublic,
    ImmutableHashSet<string> Voters,
    string? RejectionReason = null,
    string? Answer = null,
    string? AnsweredByName = null,
    DateTimeOffset? AnsweredAt = null)
{
    public static Question From(QuestionAsked e, long seq) => new(
        e.QuestionId, e.Text, e.SectionAnchor, e.AskedBy, e.AskedByName, e.AskedAt, seq,
        e.NeedsApproval ? QuestionStatus.Pending : QuestionStatus.Visible, !e.NeedsApproval,
        ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase));

    public int Votes => Voters.Count;

    public bool IsAnswered => Answer is not null;

    /// <summary>Everyone in the room may see it (or once could, so they must learn it was rejected).</summary>
    public bool IsPublic => EverPublic;
}

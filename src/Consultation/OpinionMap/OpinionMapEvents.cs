namespace Nq45Consult.Consultation.OpinionMap;

// The opinion map's events. Marten stores them by type name: never rename one once shipped.

/// <summary>A moderator turned the opinion map on, for the whole consultation or one chapter (<paramref name="SectionAnchor"/>).</summary>
public sealed record OpinionMapTurnedOn(Guid ConsultationId, string? SectionAnchor, string TurnedOnBy, DateTimeOffset TurnedOnAt);

/// <summary>A statement entered the map: seeded and proposed by a moderator are approved at once, an expert's waits.</summary>
public sealed record StatementAdded(
    Guid StatementId, Guid ConsultationId, string Text, StatementOrigin Origin, Guid? FeedbackId, bool Approved, string AddedBy, DateTimeOffset AddedAt);

public sealed record StatementApproved(Guid StatementId, Guid ConsultationId, string ApprovedBy, DateTimeOffset ApprovedAt);

public sealed record StatementHidden(Guid StatementId, Guid ConsultationId, string Reason, string HiddenBy, DateTimeOffset HiddenAt);

public sealed record StatementRestored(Guid StatementId, Guid ConsultationId, string Reason, string RestoredBy, DateTimeOffset RestoredAt);

/// <summary>An expert's vote; a changed vote is a new event on the same (statement, voter) stream, the last one counts.</summary>
public sealed record StatementVoted(Guid VoteId, Guid StatementId, Guid ConsultationId, string Voter, VoteChoice Vote, DateTimeOffset VotedAt);

public enum StatementOrigin
{
    /// <summary>Written by a moderator.</summary>
    Seeded,

    /// <summary>Proposed by an expert; shown once a moderator approves it.</summary>
    Proposed,

    /// <summary>Drawn by a moderator from a feedback item's proposed wording.</summary>
    Feedback,
}

public enum VoteChoice
{
    Agree,
    Disagree,
    Pass,
}

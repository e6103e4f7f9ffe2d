using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>
/// One statement as the map, the vote page and moderators read it; kept inline with its stream. Never deleted: hidden
/// with a reason, and restored, as feedback is.
/// </summary>
public sealed record Statement(
    Guid Id,
    Guid ConsultationId,
    string Text,
    StatementOrigin Origin,
    Guid? FeedbackId,
    string AddedBy,
    DateTimeOffset AddedAt,
    bool Approved,
    bool Hidden,
    string? ModerationReason)
{
    public const int MaxTextLength = 280;

    /// <summary>Shown to everyone and open to votes: approved and not hidden.</summary>
    public bool IsVisible => Approved && !Hidden;

    public StatementStatus Status => Hidden ? StatementStatus.Hidden : Approved ? StatementStatus.Published : StatementStatus.Pending;
}

public enum StatementStatus
{
    Pending,
    Published,
    Hidden,
}

public sealed class StatementProjection : SingleStreamProjection<Statement, Guid>
{
    public StatementProjection() => IncludeType<StatementAdded>();

    public static Statement Create(StatementAdded e) =>
        new(e.StatementId, e.ConsultationId, e.Text, e.Origin, e.FeedbackId, e.AddedBy, e.AddedAt, e.Approved, false, null);

    public static Statement Apply(StatementApproved e, Statement current) => current with { Approved = true };

    public static Statement Apply(StatementHidden e, Statement current) => current with { Hidden = true, ModerationReason = e.Reason };

    public static Statement Apply(StatementRestored e, Statement current) => current with { Hidden = false, ModerationReason = e.Reason };
}

using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Review.Minutes;

// Events of a session's minutes (biên bản), one stream per session (SessionMinutes.IdOf): generated from the session's
// record, edited as a draft, finalised once. Each edit carries the whole content, so any version can be read alone.

public sealed record MinutesGenerated(Guid MinutesId, Guid SessionId, Guid ConsultationId, MinutesContent Content, string GeneratedBy, DateTimeOffset GeneratedAt);

public sealed record MinutesEdited(Guid MinutesId, MinutesContent Content, string EditedBy, DateTimeOffset EditedAt);

public sealed record MinutesFinalised(Guid MinutesId, string FinalisedBy, DateTimeOffset FinalisedAt);

/// <summary>
/// What the minutes say, in the administrative form: the issuing body, the heading ("BIÊN BẢN PHIÊN ĐỐI THOẠI"; a
/// council meeting's minutes set their own), the subject, time and place, how many took part, the chair and the
/// secretary, the content by agenda step, and the conclusions.
/// </summary>
public sealed record MinutesContent(
    string Organiser,
    string Heading,
    string Subject,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string Place,
    int Participants,
    string Chair,
    string Secretary,
    IReadOnlyList<MinutesStep> Steps,
    string Conclusions);

/// <summary>One part of the content: an agenda step's heading (fixed) and what was said and decided in it (editable).</summary>
public sealed record MinutesStep(string Heading, string Text);

/// <summary>A session's minutes as every reader and the decide functions read them, kept inline with their stream.</summary>
public sealed record SessionMinutes(
    Guid Id,
    Guid SessionId,
    Guid ConsultationId,
    MinutesContent Content,
    string GeneratedBy,
    DateTimeOffset GeneratedAt,
    string? EditedBy,
    DateTimeOffset? EditedAt,
    string? FinalisedBy,
    DateTimeOffset? FinalisedAt,
    long Version)
{
    /// <summary>One stream per session, named by it: two moderators generating at once collide instead of writing two drafts.</summary>
    public static Guid IdOf(Guid sessionId) => DerivedIds.Of($"minutes/{sessionId}");

    public bool IsFinal => FinalisedAt is not null;
}

public sealed class SessionMinutesProjection : SingleStreamProjection<SessionMinutes, Guid>
{
    public static SessionMinutes Create(IEvent<MinutesGenerated> e) =>
        new(e.Data.MinutesId, e.Data.SessionId, e.Data.ConsultationId, e.Data.Content, e.Data.GeneratedBy, e.Data.GeneratedAt, null, null, null, null, e.Version);

    public static SessionMinutes Apply(IEvent<MinutesEdited> e, SessionMinutes m) =>
        m with { Content = e.Data.Content, EditedBy = e.Data.EditedBy, EditedAt = e.Data.EditedAt, Version = e.Version };

    public static SessionMinutes Apply(IEvent<MinutesFinalised> e, SessionMinutes m) =>
        m with { FinalisedBy = e.Data.FinalisedBy, FinalisedAt = e.Data.FinalisedAt, Version = e.Version };
}

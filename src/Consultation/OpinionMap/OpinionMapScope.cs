using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>That a consultation has an opinion map, and on what (the whole draft, or the chapter <see cref="SectionAnchor"/>).</summary>
/// <param name="Id">The scope stream's id, <see cref="OpinionMapIds.ScopeOf"/> of the consultation.</param>
public sealed record OpinionMapScope(Guid Id, Guid ConsultationId, string? SectionAnchor, string TurnedOnBy, DateTimeOffset TurnedOnAt);

public sealed class OpinionMapScopeProjection : SingleStreamProjection<OpinionMapScope, Guid>
{
    public static OpinionMapScope Create(IEvent<OpinionMapTurnedOn> e) =>
        new(e.StreamId, e.Data.ConsultationId, e.Data.SectionAnchor, e.Data.TurnedOnBy, e.Data.TurnedOnAt);

    /// <summary>Turning it on again moves it to another chapter (or to the whole draft).</summary>
    public static OpinionMapScope Apply(OpinionMapTurnedOn e, OpinionMapScope current) =>
        current with { SectionAnchor = e.SectionAnchor, TurnedOnBy = e.TurnedOnBy, TurnedOnAt = e.TurnedOnAt };
}

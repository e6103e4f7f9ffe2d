using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.OpinionMap.TurningOn;

/// <summary>A moderator turns the opinion map on for a consultation, or for one chapter of its draft (a section anchor).</summary>
public sealed record TurnOnOpinionMap(Guid ConsultationId, string? SectionAnchor, Caller Caller)
{
    public static Decision Decide(ConsultationDetails? consultation, IReadOnlyList<SectionSnapshot> sections, OpinionMapScope? scope, TurnOnOpinionMap command, DateTimeOffset now)
    {
        if (!command.Caller.IsModerator) return Decision.Forbid(DomainText.OpinionMapOnModeratorsOnly);
        if (consultation is null) return Decision.NotFound(OpinionMapRules.ConsultationNotFound);
        if (OpinionMapRules.HasEnded(consultation)) return Decision.Conflict(DomainText.ConsultationEnded);
        var anchor = string.IsNullOrWhiteSpace(command.SectionAnchor) ? null : command.SectionAnchor.Trim();
        if (anchor is not null && sections.All(s => s.Anchor != anchor))
            return Decision.Invalid("sectionAnchor", DomainText.OpinionMapNoSuchSection);
        if (scope is not null && scope.SectionAnchor == anchor) return Decision.Nothing;
        return Decision.Accept(new OpinionMapTurnedOn(consultation.Id, anchor, command.Caller.UserName, now));
    }
}

/// <summary>Loads the consultation, its current sections and the map's scope, decides, appends to the scope stream.</summary>
public sealed class TurnOnOpinionMapHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(TurnOnOpinionMap command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var consultation = await session.LoadAsync<ConsultationDetails>(command.ConsultationId, cancellation);
        var sections = consultation is { CurrentVersion: > 0 }
            ? (await session.LoadAsync<DraftVersion>(DraftVersion.IdOf(consultation.Id, consultation.CurrentVersion), cancellation))?.Sections ?? []
            : [];
        var scope = await session.LoadAsync<OpinionMapScope>(OpinionMapIds.ScopeOf(command.ConsultationId), cancellation);
        var decision = TurnOnOpinionMap.Decide(consultation, sections, scope, command, time.GetUtcNow());
        if (decision is not { Accepted: true, Events.Count: > 0 }) return decision;
        session.Events.Append(OpinionMapIds.ScopeOf(command.ConsultationId), decision.Events);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}

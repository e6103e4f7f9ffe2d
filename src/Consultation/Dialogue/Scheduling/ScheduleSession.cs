using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Dialogue.Scheduling;

/// <summary>
/// A moderator schedules a session for a consultation. Its agenda is either a template named by
/// <paramref name="Agenda"/> or the moderator's own <paramref name="AgendaSteps"/> (not both), or none.
/// </summary>
public sealed record ScheduleSession(
    Guid SessionId, Guid ConsultationId, string? Title, DateTimeOffset? StartsAt, string? Agenda, bool PreModeration, Caller Caller,
    IReadOnlyList<string?>? AgendaSteps = null)
{
    public const int MaxAgendaSteps = 20;

    public static Decision Decide(ScheduleSession command, DialogueOptions options, DateTimeOffset now)
    {
        IReadOnlyList<string> steps = [];
        var refusal = Rules.Moderator(command.Caller)
            ?? Rules.Text(command.Title, options.MaxTitleLength, "title")
            ?? (command.StartsAt is null ? Decision.Invalid("startsAt", DomainText.SessionStartRequired) : null)
            ?? (command.Agenda is { } name && !AgendaTemplates.TryGet(name, out steps)
                ? Decision.Invalid("agenda", DomainText.AgendaUnknown(string.Join(", ", AgendaTemplates.Names)))
                : null)
            ?? OwnAgenda(command, options, ref steps);
        return refusal ?? Decision.Accept(new SessionScheduled(
            command.SessionId, command.ConsultationId, command.Title!.Trim(), command.StartsAt!.Value, steps,
            command.PreModeration, command.Caller.UserName, now));
    }

    /// <summary>Checks the moderator's own steps, if any, and takes them trimmed as the agenda.</summary>
    private static Decision? OwnAgenda(ScheduleSession command, DialogueOptions options, ref IReadOnlyList<string> steps)
    {
        if (command.AgendaSteps is not { } own) return null;
        if (command.Agenda is not null) return Decision.Invalid("agendaSteps", DomainText.AgendaEitherTemplateOrSteps);
        if (own.Count is 0 or > MaxAgendaSteps)
            return Decision.Invalid("agendaSteps", DomainText.AgendaStepsCount(MaxAgendaSteps));
        var bad = own.Select(step => Rules.Text(step, options.MaxTitleLength, "agendaSteps")).FirstOrDefault(r => r is not null);
        if (bad is not null) return bad;
        steps = [.. own.Select(step => step!.Trim())];
        return null;
    }
}

/// <summary>Schedules a session of a consultation that exists; the session's stream starts with it.</summary>
public sealed class ScheduleSessionHandler(IDocumentStore store, TimeProvider time, IOptions<DialogueOptions> options)
{
    private static DialogueOutcome NoConsultation => new(Decision.NotFound(DomainText.DraftNotFound), null, []);

    public async Task<DialogueOutcome> Handle(ScheduleSession command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ConsultationDetails>(command.ConsultationId, cancellation) is null) return NoConsultation;
        var decision = ScheduleSession.Decide(command, options.Value, time.GetUtcNow());
        if (!decision.Accepted) return new(decision, null, []);
        // Nobody can be in a room that did not exist: there is nothing to broadcast.
        session.Events.StartStream<DialogueSession>(command.SessionId, decision.Events);
        await session.SaveChangesAsync(cancellation);
        var changes = SessionChange.OfStream(decision.Events);
        return new(decision, changes[^1].After, changes);
    }
}

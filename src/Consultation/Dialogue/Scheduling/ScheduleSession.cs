namespace Nq45Consult.Consultation.Dialogue.Scheduling;

/// <summary>A moderator schedules a session for a consultation; <paramref name="Agenda"/> names a template or is null.</summary>
public sealed record ScheduleSession(
    Guid SessionId, Guid ConsultationId, string? Title, DateTimeOffset? StartsAt, string? Agenda, bool PreModeration)
{
    public static DialogueDecision Decide(ScheduleSession command, Participant actor, DialogueOptions options, DateTimeOffset now)
    {
        IReadOnlyList<string> steps = [];
        var refusal = Rules.Moderator(actor)
            ?? Rules.Text(command.Title, options.MaxTitleLength, "title")
            ?? (command.StartsAt is null ? DialogueDecision.Invalid("startsAt", "Cần thời điểm bắt đầu.") : null)
            ?? (command.Agenda is { } name && !AgendaTemplates.TryGet(name, out steps)
                ? DialogueDecision.Invalid("agenda", $"Chương trình không có sẵn; chọn một trong: {string.Join(", ", AgendaTemplates.Names)}.")
                : null);
        return refusal ?? DialogueDecision.Accept(new SessionScheduled(
            command.SessionId, command.ConsultationId, command.Title!.Trim(), command.StartsAt!.Value, steps,
            command.PreModeration, actor.UserName, now));
    }
}

using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Dialogue.Running;
using Nq45Consult.Consultation.Dialogue.Scheduling;
using static Nq45Consult.Consultation.Tests.Dialogue.ARoom;

namespace Nq45Consult.Consultation.Tests.Dialogue;

public class SessionLifecycleTests
{
    private static ScheduleSession ACommand(string? title = "Hội nghị phản biện", string? agenda = null) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), title, Now.AddHours(1), agenda, PreModeration: true, Caller: Moderator);

    [Fact]
    public void A_moderator_schedules_with_the_critique_conference_agenda()
    {
        var e = Single<SessionScheduled>(ScheduleSession.Decide(ACommand(agenda: AgendaTemplates.CritiqueConference), Options, Now));
        Assert.Equal(7, e.Agenda.Count);
        Assert.True(e.PreModeration);
        Assert.Equal("moderator", e.ScheduledBy);
    }

    [Fact]
    public void Scheduling_is_refused_to_experts_and_without_title_or_with_an_unknown_agenda()
    {
        Refused(Refusal.Forbidden, ScheduleSession.Decide(ACommand() with { Caller = Expert }, Options, Now));
        Refused(Refusal.Invalid, ScheduleSession.Decide(ACommand(title: "  "), Options, Now));
        Refused(Refusal.Invalid, ScheduleSession.Decide(ACommand(title: new string('x', Options.MaxTitleLength + 1)), Options, Now));
        Refused(Refusal.Invalid, ScheduleSession.Decide(ACommand(agenda: "no-such"), Options, Now));
    }

    [Fact]
    public void A_moderator_may_give_the_agenda_as_their_own_steps_but_not_with_a_template_too()
    {
        var own = ACommand() with { AgendaSteps = [" Khai mạc ", "Bế mạc"] };
        Assert.Equal(["Khai mạc", "Bế mạc"], Single<SessionScheduled>(ScheduleSession.Decide(own, Options, Now)).Agenda);
        Refused(Refusal.Invalid, ScheduleSession.Decide(own with { Agenda = AgendaTemplates.CritiqueConference }, Options, Now));
        Refused(Refusal.Invalid, ScheduleSession.Decide(own with { AgendaSteps = ["Một", ""] }, Options, Now));
        Refused(Refusal.Invalid, ScheduleSession.Decide(own with { AgendaSteps = [.. Enumerable.Repeat("Bước", ScheduleSession.MaxAgendaSteps + 1)] }, Options, Now));
    }

    [Fact]
    public void Start_then_end_only_in_that_order_and_only_by_a_moderator()
    {
        var scheduled = Scheduled();
        Refused(Refusal.Forbidden, StartSession.Decide(scheduled, new(scheduled.Id, Expert), Now));
        Refused(Refusal.Conflict, EndSession.Decide(scheduled, new(scheduled.Id, Moderator), Now));
        var live = scheduled.With(StartSession.Decide(scheduled, new(scheduled.Id, Moderator), Now));
        Assert.Equal(SessionStatus.Live, live.Status);
        Refused(Refusal.Conflict, StartSession.Decide(live, new(live.Id, Moderator), Now));
        Refused(Refusal.Forbidden, EndSession.Decide(live, new(live.Id, Expert), Now));
        var ended = live.With(EndSession.Decide(live, new(live.Id, Moderator), Now));
        Refused(Refusal.Conflict, StartSession.Decide(ended, new(ended.Id, Moderator), Now));
        Refused(Refusal.Conflict, EndSession.Decide(ended, new(ended.Id, Moderator), Now));
    }

    [Fact]
    public void The_agenda_starts_at_its_first_step_and_stops_at_its_last()
    {
        var session = Live(agenda: ["Khai mạc", "Thảo luận"]);
        Assert.Equal(0, session.AgendaStep);
        Refused(Refusal.Forbidden, MoveToNextAgendaStep.Decide(session, new(session.Id, Expert), Now));
        session = session.With(MoveToNextAgendaStep.Decide(session, new(session.Id, Moderator), Now));
        Assert.Equal(1, session.AgendaStep);
        Refused(Refusal.Conflict, MoveToNextAgendaStep.Decide(session, new(session.Id, Moderator), Now));
        Refused(Refusal.Conflict, MoveToNextAgendaStep.Decide(Live(), new(Guid.Empty, Moderator), Now));
    }

    [Fact]
    public void The_version_counts_every_event()
    {
        var session = Live();
        Assert.Equal(2, session.Version);
    }
}

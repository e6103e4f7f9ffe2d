using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Dialogue.Scheduling;
using Nq45Consult.Consultation.Review.Minutes;
using Nq45Consult.Consultation.Review.Minutes.Editing;
using Nq45Consult.Consultation.Review.Minutes.Finalising;
using Nq45Consult.Consultation.Review.Minutes.Generating;

namespace Nq45Consult.Consultation.Tests.Review;

/// <summary>Minutes are written from the session's record, by agenda step, then edited, and finalised once.</summary>
public class MinutesDecisionTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly Caller Moderator = Caller.Of("moderator", "Kiểm duyệt viên", Role.Moderator);
    private static readonly Caller Official = Caller.Of("official", "Cán bộ", Role.Official);
    private static readonly Caller Expert = Caller.Of("expert1", "TS. Nguyễn Văn A", Role.Expert);
    private static readonly Guid SessionId = Guid.NewGuid();
    private static readonly Guid ConsultationId = Guid.NewGuid();
    private static readonly Guid PollId = Guid.NewGuid();

    /// <summary>
    /// A critique conference: the chair greets the room at step 1; at step 4 an expert asks and the drafting body answers,
    /// a question is rejected, an expert's message is hidden, and a poll is voted 2 to 1; then the session ends.
    /// </summary>
    private static List<object> Held(bool ended = true)
    {
        AgendaTemplates.TryGet(AgendaTemplates.CritiqueConference, out var agenda);
        var (asked, rejected, hidden) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        List<object> events =
        [
            new SessionScheduled(SessionId, ConsultationId, "Hội nghị phản biện kế hoạch", Start, agenda, false, "moderator", Start.AddDays(-1)),
            new SessionStarted(SessionId, "moderator", Start),
            new ChatMessageSaid(SessionId, Guid.NewGuid(), "Xin chào các đại biểu.", "moderator", "Kiểm duyệt viên", Start.AddMinutes(1)),
            new AgendaStepMoved(SessionId, 1, "moderator", Start.AddMinutes(10)),
            new AgendaStepMoved(SessionId, 2, "moderator", Start.AddMinutes(20)),
            new AgendaStepMoved(SessionId, 3, "moderator", Start.AddMinutes(30)),
            new QuestionAsked(SessionId, asked, "Nguồn kinh phí ở đâu?", null, false, "expert1", "TS. Nguyễn Văn A", Start.AddMinutes(31)),
            new QuestionAnswered(SessionId, asked, "Từ ngân sách tỉnh.", "official", "Sở KH&CN", Start.AddMinutes(35)),
            new QuestionAsked(SessionId, rejected, "Câu hỏi lạc đề", null, true, "expert2", "ThS. Trần Thị B", Start.AddMinutes(36)),
            new QuestionRejected(SessionId, rejected, "Lạc đề", "moderator", Start.AddMinutes(37)),
            new ChatMessageSaid(SessionId, hidden, "Tin nhắn bị ẩn", "expert2", "ThS. Trần Thị B", Start.AddMinutes(38)),
            new ChatMessageHidden(SessionId, hidden, "Xúc phạm", "moderator", Start.AddMinutes(39)),
            new PollOpened(SessionId, PollId, "Tán thành dự thảo?", ["Có", "Không"], false, "moderator", Start.AddMinutes(40)),
            new PollVoteCast(SessionId, PollId, [0], "expert1", Start.AddMinutes(41)),
            new PollVoteCast(SessionId, PollId, [0], "expert2", Start.AddMinutes(41)),
            new PollVoteCast(SessionId, PollId, [1], "expert3", Start.AddMinutes(42)),
            new PollClosed(SessionId, PollId, "moderator", Start.AddMinutes(45)),
        ];
        if (ended) events.Add(new SessionEnded(SessionId, "moderator", Start.AddMinutes(90)));
        return events;
    }

    private static SessionMinutes Generated(bool final = false)
    {
        var generated = (MinutesGenerated)GenerateMinutes.Decide(Held(), null, new GenerateMinutes(SessionId, Moderator), Start.AddHours(2)).Events.Single();
        return new SessionMinutes(generated.MinutesId, SessionId, ConsultationId, generated.Content, "moderator", Start.AddHours(2), null, null,
            final ? "moderator" : null, final ? Start.AddHours(3) : null, final ? 2 : 1);
    }

    [Fact]
    public void The_draft_puts_each_answered_question_moderator_message_and_poll_result_under_its_agenda_step()
    {
        var content = Generated().Content;
        Assert.Equal(7, content.Steps.Count);
        Assert.Equal("1. Chủ trì khai mạc", content.Steps[0].Heading);
        Assert.Equal("Người điều hành Kiểm duyệt viên (08:01 ngày 03/12/2026): Xin chào các đại biểu.", content.Steps[0].Text);
        Assert.Equal(
            "Câu hỏi của TS. Nguyễn Văn A (08:31 ngày 03/12/2026): Nguồn kinh phí ở đâu?\nTrả lời (Sở KH&CN): Từ ngân sách tỉnh.\n" +
            "Biểu quyết \"Tán thành dự thảo?\" (3 người bỏ phiếu): Có: 2 phiếu; Không: 1 phiếu.",
            content.Steps[3].Text);
        Assert.All(content.Steps.Where((_, i) => i is not (0 or 3)), s => Assert.Equal(MinutesText.NothingRecorded, s.Text));
        var all = string.Join("\n", content.Steps.Select(s => s.Text));
        Assert.DoesNotContain("lạc đề", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("bị ẩn", all);
        Assert.DoesNotContain("expert3", all);
        // moderator, expert1, official, expert2 (asked and wrote, though both were turned away), expert3.
        Assert.Equal(5, content.Participants);
        Assert.Equal((Start, Start.AddMinutes(90)), (content.StartedAt!.Value, content.EndedAt!.Value));
        Assert.Equal("Hội nghị phản biện kế hoạch", content.Subject);
    }

    [Fact]
    public void Only_an_editor_generates_only_after_the_session_ended_and_only_once()
    {
        Assert.Equal(Refusal.Forbidden, GenerateMinutes.Decide(Held(), null, new GenerateMinutes(SessionId, Official), Start).Refusal);
        Assert.Equal(Refusal.Forbidden, GenerateMinutes.Decide(Held(), null, new GenerateMinutes(SessionId, Expert), Start).Refusal);
        Assert.Equal(Refusal.NotFound, GenerateMinutes.Decide([], null, new GenerateMinutes(SessionId, Moderator), Start).Refusal);
        var live = GenerateMinutes.Decide(Held(ended: false), null, new GenerateMinutes(SessionId, Moderator), Start);
        Assert.Equal((Refusal.Conflict, DomainText.MinutesSessionNotEnded), (live.Refusal, live.Reason));
        var again = GenerateMinutes.Decide(Held(), Generated(), new GenerateMinutes(SessionId, Moderator), Start);
        Assert.Equal((Refusal.Conflict, DomainText.MinutesAlreadyGenerated), (again.Refusal, again.Reason));
    }

    [Fact]
    public void An_edit_replaces_the_fields_sent_and_keeps_the_others()
    {
        var minutes = Generated();
        var steps = minutes.Content.Steps.Select(s => (string?)s.Text).ToList();
        steps[5] = "Chủ trì kết luận: tán thành.";
        var decision = EditMinutes.Decide(minutes, new EditMinutes(SessionId,
            new MinutesChanges(Chair: " GS.TS. Lê Văn C ", Secretary: "ThS. Phạm D", Steps: steps, Conclusions: "Đề nghị bổ sung nguồn lực."), Moderator), Start);
        var edited = Assert.IsType<MinutesEdited>(Assert.Single(decision.Events)).Content;
        Assert.Equal(("GS.TS. Lê Văn C", "ThS. Phạm D", "Đề nghị bổ sung nguồn lực."), (edited.Chair, edited.Secretary, edited.Conclusions));
        Assert.Equal("Chủ trì kết luận: tán thành.", edited.Steps[5].Text);
        Assert.Equal(minutes.Content.Steps[5].Heading, edited.Steps[5].Heading);
        Assert.Equal((minutes.Content.Place, minutes.Content.Participants), (edited.Place, edited.Participants));
        Assert.Same(Decision.Nothing, EditMinutes.Decide(minutes, new EditMinutes(SessionId, new MinutesChanges(), Moderator), Start));
    }

    [Fact]
    public void Bad_edits_name_their_fields_and_final_minutes_do_not_change()
    {
        var minutes = Generated();
        var bad = EditMinutes.Decide(minutes, new EditMinutes(SessionId,
            new MinutesChanges(Place: " ", Participants: -1, Steps: ["chỉ một đoạn"], Chair: new string('x', EditMinutes.MaxLineLength + 1)), Moderator), Start);
        Assert.Equal(Refusal.Invalid, bad.Refusal);
        Assert.Equal(["chair", "participants", "place", "steps"], bad.Errors.Keys.Order());
        Assert.Equal(Refusal.Forbidden, EditMinutes.Decide(minutes, new EditMinutes(SessionId, new MinutesChanges(Chair: "A"), Official), Start).Refusal);
        Assert.Equal(Refusal.NotFound, EditMinutes.Decide(null, new EditMinutes(SessionId, new MinutesChanges(Chair: "A"), Moderator), Start).Refusal);
        Assert.Equal(Refusal.Conflict, EditMinutes.Decide(Generated(final: true), new EditMinutes(SessionId, new MinutesChanges(Chair: "A"), Moderator), Start).Refusal);
    }

    [Fact]
    public void Minutes_are_finalised_once()
    {
        Assert.IsType<MinutesFinalised>(Assert.Single(FinaliseMinutes.Decide(Generated(), new FinaliseMinutes(SessionId, Moderator), Start).Events));
        var again = FinaliseMinutes.Decide(Generated(final: true), new FinaliseMinutes(SessionId, Moderator), Start);
        Assert.Equal((Refusal.Conflict, DomainText.MinutesAlreadyFinal), (again.Refusal, again.Reason));
        Assert.Equal(Refusal.Forbidden, FinaliseMinutes.Decide(Generated(), new FinaliseMinutes(SessionId, Expert), Start).Refusal);
    }

    /// <summary>A critique case's council as it stands to one caller: following the case or not, holding the secretary's seat or not.</summary>
    private static MeetingCouncil Council(bool follows, bool secretary) =>
        new("BIÊN BẢN HỌP HỘI ĐỒNG PHẢN BIỆN", "Phản biện kế hoạch 45", "GS.TS. Lê Văn Chủ", "ThS. Phạm Thư Ký", follows, secretary);

    [Fact]
    public void A_council_meetings_minutes_are_headed_as_such_written_by_its_secretary_read_by_those_who_follow_the_case_and_unknown_to_others()
    {
        var secretary = Caller.Of("thuky", "ThS. Phạm Thư Ký", Role.Expert);
        var generated = (MinutesGenerated)GenerateMinutes.Decide(Held(), null, new GenerateMinutes(SessionId, secretary), Start, Council(true, true)).Events.Single();
        var c = generated.Content;
        Assert.Equal(("BIÊN BẢN HỌP HỘI ĐỒNG PHẢN BIỆN", "Phản biện kế hoạch 45", "GS.TS. Lê Văn Chủ", "ThS. Phạm Thư Ký"), (c.Heading, c.Subject, c.Chair, c.Secretary));
        Assert.Equal(7, c.Steps.Count);

        var minutes = Generated();
        Assert.IsType<MinutesEdited>(Assert.Single(EditMinutes.Decide(minutes, new EditMinutes(SessionId, new MinutesChanges(Conclusions: "Tán thành."), secretary), Start, Council(true, true)).Events));
        Assert.IsType<MinutesFinalised>(Assert.Single(FinaliseMinutes.Decide(minutes, new FinaliseMinutes(SessionId, secretary), Start, Council(true, true)).Events));
        Assert.Equal(Refusal.Forbidden, EditMinutes.Decide(minutes, new EditMinutes(SessionId, new MinutesChanges(Chair: "A"), Expert), Start, Council(true, false)).Refusal);
        Assert.Equal(Refusal.NotFound, FinaliseMinutes.Decide(minutes, new FinaliseMinutes(SessionId, Official), Start, Council(false, false)).Refusal);
        Assert.Equal(Refusal.NotFound, GenerateMinutes.Decide(Held(), null, new GenerateMinutes(SessionId, Expert), Start, Council(false, false)).Refusal);

        Assert.True(MinutesAccess.MayReadMinutes(Expert, Council(true, false)));
        Assert.False(MinutesAccess.MayReadMinutes(Official, Council(false, false)));
        Assert.True(MinutesAccess.Hidden(Official, Council(false, false)));
        Assert.True(MinutesAccess.MayReadMinutes(Official, null));
        Assert.False(MinutesAccess.Hidden(Expert, null));
        Assert.True(MinutesAccess.MayEditMinutes(Moderator, Council(true, false)));
    }
}

using System.Globalization;
using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Consultation.Review.Minutes;

/// <summary>
/// The first draft of a session's minutes, written from its stream: each public question with its answer, each message
/// of the session's moderators, and each poll's result (counts only: a ballot is nobody else's business) under the
/// agenda step that was current when it was asked, said or opened. Rejected and pending questions and hidden messages
/// stay out, as in the public transcript. People are counted, never listed: who voted is not in the minutes.
/// </summary>
public static class MinutesDraft
{
    /// <summary>Minutes are read in Vietnam: times are written at UTC+7, as on the transcript page.</summary>
    private static readonly TimeSpan VietnamTime = TimeSpan.FromHours(7);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The draft of the session whose whole stream is <paramref name="events"/> (it starts with <see cref="SessionScheduled"/>).</summary>
    public static MinutesContent From(IReadOnlyList<object> events)
    {
        var session = DialogueSession.Fold(events) ?? throw new ArgumentException("A session's stream starts with SessionScheduled.", nameof(events));
        var moderators = Moderators(events);
        var stepCount = Math.Max(session.Agenda.Count, 1);
        var lines = Enumerable.Range(0, stepCount).Select(_ => new List<string>()).ToArray();
        var step = 0;
        foreach (var e in events)
        {
            switch (e)
            {
                case AgendaStepMoved moved:
                    step = Math.Clamp(moved.Step, 0, stepCount - 1);
                    break;
                case QuestionAsked asked when session.Questions[asked.QuestionId] is { Status: QuestionStatus.Visible } q:
                    lines[step].Add(string.Format(Vietnamese, MinutesText.Question, q.AskedByName, Clock(q.AskedAt), q.Text.Trim()));
                    lines[step].Add(q.Answer is { } answer
                        ? string.Format(Vietnamese, MinutesText.Answer, q.AnsweredByName, answer.Trim())
                        : MinutesText.Unanswered);
                    break;
                case ChatMessageSaid said when moderators.Contains(said.SaidBy) && !session.Messages[said.MessageId].IsHidden:
                    lines[step].Add(string.Format(Vietnamese, MinutesText.ModeratorSaid, said.SaidByName, Clock(said.SaidAt), said.Text.Trim()));
                    break;
                case PollOpened opened:
                    lines[step].Add(PollResult(session.Polls[opened.PollId]));
                    break;
            }
        }
        var started = events.OfType<SessionStarted>().Select(e => (DateTimeOffset?)e.StartedAt).FirstOrDefault();
        var ended = events.OfType<SessionEnded>().Select(e => (DateTimeOffset?)e.EndedAt).FirstOrDefault();
        IReadOnlyList<string> headings = session.Agenda.Count > 0
            ? [.. session.Agenda.Select((text, i) => $"{i + 1}. {text}")]
            : [MinutesText.WholeSession];
        return new MinutesContent(
            MinutesText.DefaultOrganiser, MinutesText.DefaultHeading, session.Title, started, ended, MinutesText.DefaultPlace,
            Participants(events, moderators), "", "",
            [.. headings.Select((heading, i) => new MinutesStep(heading, lines[i].Count > 0 ? string.Join("\n", lines[i]) : MinutesText.NothingRecorded))],
            "");
    }

    /// <summary>"Lựa chọn A: 3 phiếu; Lựa chọn B: 1 phiếu", with the number of voters.</summary>
    public static string PollResult(Poll poll)
    {
        var counts = poll.Counts();
        var options = string.Join("; ", poll.Options.Select((option, i) => string.Format(Vietnamese, MinutesText.PollOption, option, counts[i])));
        return string.Format(Vietnamese, MinutesText.Poll, poll.Question, poll.Voters, options);
    }

    /// <summary>"14:05 ngày 03/12/2026", in Vietnam's time.</summary>
    public static string Clock(DateTimeOffset at) => at.ToOffset(VietnamTime).ToString(MinutesText.ClockFormat, Vietnamese);

    /// <summary>Those who ran the session: only a moderator schedules, starts, moves, ends, moderates and runs polls.</summary>
    private static HashSet<string> Moderators(IEnumerable<object> events) => new(events.Select(e => e switch
    {
        SessionScheduled s => s.ScheduledBy,
        SessionStarted s => s.StartedBy,
        AgendaStepMoved m => m.MovedBy,
        SessionEnded s => s.EndedBy,
        QuestionApproved a => a.ApprovedBy,
        QuestionRejected r => r.RejectedBy,
        QuestionPinned p => p.PinnedBy,
        PollOpened o => o.OpenedBy,
        PollClosed c => c.ClosedBy,
        ChatMessageHidden h => h.HiddenBy,
        _ => null,
    }).OfType<string>(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Everyone the record shows taking part: who ran it, asked, upvoted, answered, voted or wrote. Presence is not stored.</summary>
    private static int Participants(IEnumerable<object> events, HashSet<string> moderators) => new HashSet<string>(events.Select(e => e switch
    {
        QuestionAsked a => a.AskedBy,
        QuestionUpvoted u => u.UpvotedBy,
        QuestionAnswered a => a.AnsweredBy,
        PollVoteCast v => v.VotedBy,
        ChatMessageSaid s => s.SaidBy,
        _ => null,
    }).OfType<string>().Concat(moderators), StringComparer.OrdinalIgnoreCase).Count;
}

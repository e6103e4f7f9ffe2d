using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Web.Dialogue;

// What the room's clients receive: explicit shapes, never the stored events themselves.

public sealed record QuestionDto(
    Guid Id, string Text, string? SectionAnchor, string AskedBy, DateTimeOffset AskedAt, long AskedSeq, string State,
    int Votes, string? RejectionReason, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt)
{
    public static QuestionDto From(Question q) => new(
        q.Id, q.Text, q.SectionAnchor, q.AskedByName, q.AskedAt, q.AskedSeq, KebabCase.Name(q.Status), q.Votes,
        q.RejectionReason, q.Answer, q.AnsweredByName, q.AnsweredAt);
}

public sealed record PollDto(Guid Id, string Question, IReadOnlyList<string> Options, bool MultipleChoice, bool Open, IReadOnlyList<int> Counts, int Voters, long OpenedSeq)
{
    public static PollDto From(Poll p) => new(p.Id, p.Question, p.Options, p.MultipleChoice, p.IsOpen, p.Counts(), p.Voters, p.OpenedSeq);
}

public sealed record MessageDto(Guid Id, string? Text, string SaidBy, DateTimeOffset SaidAt, long Seq, bool Hidden, string? HiddenReason)
{
    /// <summary>A hidden message travels without its text.</summary>
    public static MessageDto From(ChatMessage m) => new(m.Id, m.IsHidden ? null : m.Text, m.SaidByName, m.SaidAt, m.Seq, m.IsHidden, m.HiddenReason);
}

/// <summary>One server → client event; <see cref="Type"/> is also the name of the client method it is sent to.</summary>
public sealed record ClientEvent(
    string Type, long Seq, QuestionDto? Question = null, PollDto? Poll = null, MessageDto? Message = null,
    string? Status = null, int? AgendaStep = null, Guid? PinnedQuestionId = null, int? Participants = null);

/// <summary>The room as <c>Join</c> returns it.</summary>
public sealed record SessionSnapshot(
    long Seq, Guid SessionId, Guid ConsultationId, string Title, DateTimeOffset StartsAt, string Status, bool PreModeration,
    IReadOnlyList<string> Agenda, int? AgendaStep, Guid? PinnedQuestionId,
    IReadOnlyList<QuestionDto> Questions, IReadOnlyList<PollDto> Polls, IReadOnlyList<MessageDto> Messages, int Participants,
    IReadOnlyList<Guid> MyUpvotes, IReadOnlyDictionary<Guid, IReadOnlyList<int>> MyBallots)
{
    public static SessionSnapshot Of(DialogueSession s, Caller me, int participants) => new(
        s.Version, s.Id, s.ConsultationId, s.Title, s.StartsAt, KebabCase.Name(s.Status), s.PreModeration, s.Agenda, s.AgendaStep, s.PinnedQuestionId,
        [.. s.Ranked().Where(q => q.MaySee(me)).Select(QuestionDto.From)],
        [.. s.Polls.Values.OrderBy(p => p.OpenedSeq).Select(PollDto.From)],
        [.. s.Messages.Values.OrderBy(m => m.Seq).Select(MessageDto.From)],
        participants,
        [.. s.Questions.Values.Where(q => q.Voters.Contains(me.UserName)).Select(q => q.Id)],
        s.Polls.Values.Where(p => p.Ballots.ContainsKey(me.UserName)).ToDictionary(p => p.Id, p => p.SelectionOf(me.UserName)));
}

/// <summary><c>GET /api/sessions/{id}/transcript</c>: each part in stream order.</summary>
public sealed record TranscriptDto(
    Guid SessionId, Guid ConsultationId, string Title, string Status, long Seq,
    IReadOnlyList<QuestionDto> Questions, IReadOnlyList<PollDto> Polls, IReadOnlyList<MessageDto> Messages)
{
    public static TranscriptDto Of(Transcript t) => new(
        t.Session.Id, t.Session.ConsultationId, t.Session.Title, KebabCase.Name(t.Session.Status), t.Session.Version,
        [.. t.Questions.Select(QuestionDto.From)], [.. t.Polls.Select(PollDto.From)], [.. t.Messages.Select(MessageDto.From)]);
}

/// <summary>One line of <c>GET /api/consultations/{id}/sessions</c>.</summary>
public sealed record SessionListingDto(Guid Id, Guid ConsultationId, string Title, DateTimeOffset StartsAt, string Status, bool PreModeration, int AgendaSteps)
{
    public static SessionListingDto From(SessionListing s) =>
        new(s.Id, s.ConsultationId, s.Title, s.StartsAt, KebabCase.Name(s.Status), s.PreModeration, s.AgendaSteps);
}

/// <summary>
/// <c>GET /api/sessions/{id}</c>: what was scheduled and where the session stands. The counts are of
/// what the caller may see (pending questions count for their asker and the moderators only).
/// </summary>
public sealed record SessionDetailsDto(
    Guid Id, Guid ConsultationId, string Title, DateTimeOffset StartsAt, string Status, bool PreModeration,
    IReadOnlyList<string> Agenda, int? AgendaStep, Guid? PinnedQuestionId, long Seq,
    int Questions, int Polls, int OpenPolls, int Messages, int Participants)
{
    public static SessionDetailsDto Of(DialogueSession s, Caller me, int participants) => new(
        s.Id, s.ConsultationId, s.Title, s.StartsAt, KebabCase.Name(s.Status), s.PreModeration, s.Agenda, s.AgendaStep, s.PinnedQuestionId,
        s.Version, s.Questions.Values.Count(q => q.MaySee(me)), s.Polls.Count, s.Polls.Values.Count(p => p.IsOpen),
        s.Messages.Values.Count(m => !m.IsHidden), participants);
}

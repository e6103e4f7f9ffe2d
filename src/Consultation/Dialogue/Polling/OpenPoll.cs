using Microsoft.Extensions.Options;

namespace Nq45Consult.Consultation.Dialogue.Polling;

/// <summary>A moderator puts a question to the room with 2–10 options, single or multiple choice.</summary>
public sealed record OpenPoll(Guid SessionId, Guid PollId, string? Question, IReadOnlyList<string?>? Options, bool MultipleChoice, Caller Caller)
{
    public static Decision Decide(DialogueSession session, OpenPoll command, DialogueOptions options, DateTimeOffset now)
    {
        var refusal = Rules.Moderator(command.Caller) ?? Rules.Live(session) ?? Rules.Text(command.Question, options.MaxQuestionLength, "question");
        if (refusal is not null) return refusal;
        var choices = command.Options ?? [];
        if (choices.Count < options.MinPollOptions || choices.Count > options.MaxPollOptions)
            return Decision.Invalid("options", DomainText.PollOptionsCount(options.MinPollOptions, options.MaxPollOptions));
        var bad = choices.Select(o => Rules.Text(o, options.MaxPollOptionLength, "options")).FirstOrDefault(r => r is not null);
        if (bad is not null) return bad;
        var trimmed = choices.Select(o => o!.Trim()).ToList();
        if (trimmed.Distinct(StringComparer.OrdinalIgnoreCase).Count() != trimmed.Count)
            return Decision.Invalid("options", DomainText.PollOptionsDistinct);
        return Decision.Accept(new PollOpened(
            session.Id, command.PollId, command.Question!.Trim(), trimmed, command.MultipleChoice, command.Caller.UserName, now));
    }
}

public sealed class OpenPollHandler(DialogueSessions sessions, IOptions<DialogueOptions> options)
{
    public Task<DialogueOutcome> Handle(OpenPoll command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => OpenPoll.Decide(session, command, options.Value, now), cancellation);
}

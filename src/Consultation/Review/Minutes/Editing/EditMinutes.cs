using Marten;

namespace Nq45Consult.Consultation.Review.Minutes.Editing;

/// <summary>
/// What an editor sends: each field replaces the draft's when present (null keeps it); <see cref="Steps"/> holds one text
/// per part of the content, in order (the parts' headings are the agenda's and do not change).
/// </summary>
public sealed record MinutesChanges(
    string? Organiser = null, string? Heading = null, string? Place = null, int? Participants = null, string? Chair = null,
    string? Secretary = null, IReadOnlyList<string?>? Steps = null, string? Conclusions = null);

/// <summary>A moderator (or the council's secretary, for a council's meeting) edits the draft minutes; finalised minutes do not change.</summary>
public sealed record EditMinutes(Guid SessionId, MinutesChanges Changes, Caller Caller)
{
    public const int MaxLineLength = 300;
    public const int MaxTextLength = 20_000;
    public const int MaxParticipants = 100_000;

    /// <param name="council">The council whose meeting the session is, as the caller stands to it; null for any other session.</param>
    public static Decision Decide(SessionMinutes? minutes, EditMinutes command, DateTimeOffset now, MeetingCouncil? council = null)
    {
        if (MinutesAccess.Hidden(command.Caller, council)) return Decision.NotFound(DomainText.SessionNotFound);
        if (!MinutesAccess.MayEditMinutes(command.Caller, council)) return Decision.Forbid(DomainText.MinutesEditorsOnly);
        if (minutes is null) return Decision.NotFound(DomainText.MinutesNone);
        if (minutes.IsFinal) return Decision.Conflict(DomainText.MinutesAlreadyFinal);
        var (c, content) = (command.Changes, minutes.Content);
        var errors = new Dictionary<string, string[]>();
        Check(c.Organiser, "organiser", MaxLineLength, required: true, errors);
        Check(c.Heading, "heading", MaxLineLength, required: true, errors);
        Check(c.Place, "place", MaxLineLength, required: true, errors);
        Check(c.Chair, "chair", MaxLineLength, required: false, errors);
        Check(c.Secretary, "secretary", MaxLineLength, required: false, errors);
        Check(c.Conclusions, "conclusions", MaxTextLength, required: false, errors);
        if (c.Participants is < 0 or > MaxParticipants)
            errors["participants"] = [DomainText.MinutesParticipantsRange(MaxParticipants)];
        if (c.Steps is { } steps)
        {
            if (steps.Count != content.Steps.Count)
                errors["steps"] = [DomainText.MinutesStepsCount(content.Steps.Count)];
            else
                for (var i = 0; i < steps.Count; i++) Check(steps[i] ?? "", $"steps[{i}]", MaxTextLength, required: false, errors);
        }
        if (errors.Count > 0) return Decision.Invalid(errors);
        var edited = content with
        {
            Organiser = c.Organiser?.Trim() ?? content.Organiser,
            Heading = c.Heading?.Trim() ?? content.Heading,
            Place = c.Place?.Trim() ?? content.Place,
            Participants = c.Participants ?? content.Participants,
            Chair = c.Chair?.Trim() ?? content.Chair,
            Secretary = c.Secretary?.Trim() ?? content.Secretary,
            Conclusions = c.Conclusions?.Trim() ?? content.Conclusions,
            Steps = c.Steps is { } texts ? [.. content.Steps.Select((s, i) => s with { Text = texts[i]?.Trim() ?? "" })] : content.Steps,
        };
        return edited with { Steps = content.Steps } == content && edited.Steps.SequenceEqual(content.Steps)
            ? Decision.Nothing
            : Decision.Accept(new MinutesEdited(minutes.Id, edited, command.Caller.UserName, now));
    }

    private static void Check(string? text, string field, int max, bool required, Dictionary<string, string[]> errors)
    {
        if (text is null) return;
        if (required && string.IsNullOrWhiteSpace(text)) errors[field] = [DomainText.TextRequired];
        else if (text.Trim().Length > max) errors[field] = [DomainText.MinutesTextTooLong(max)];
    }
}

public sealed class EditMinutesHandler(IDocumentStore store, TimeProvider time, IMeetingCouncils councils)
{
    public Task<Decision> Handle(EditMinutes command, CancellationToken cancellation) =>
        MinutesChange.Run(store, councils, command.SessionId, command.Caller,
            (minutes, council) => EditMinutes.Decide(minutes, command, time.GetUtcNow(), council), cancellation);
}

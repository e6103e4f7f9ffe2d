using Nq45Consult.Consultation.Drafts.Reading;

namespace Nq45Consult.Consultation.Consultations.Publishing;

/// <summary>Publish the next version of the draft: pasted text or a file already read (<see cref="DraftSections.Pasted"/>, <see cref="DraftUpload"/>).</summary>
public sealed record PublishDraftVersion(Guid ConsultationId, DraftReading Draft, string? ChangeNote, Caller Caller)
{
    public const int MaxChangeNoteLength = 2_000;

    /// <param name="draft">The draft parsed into sections and frame.</param>
    public static Decision Decide(ConsultationState state, ParsedVersion draft, PublishDraftVersion command, DateTimeOffset now)
    {
        if (state.Status is not (ConsultationStatus.Draft or ConsultationStatus.Open))
            return Decision.Conflict(DomainText.ConsultationEndedNoVersion);
        var note = command.ChangeNote?.Trim();
        if (state.CurrentVersion > 0 && string.IsNullOrEmpty(note))
            return Decision.Invalid("changeNote", DomainText.ChangeNoteRequired);
        if (note?.Length > MaxChangeNoteLength)
            return Decision.Invalid("changeNote", DomainText.ChangeNoteTooLong(MaxChangeNoteLength));
        if (draft.Sections.Count == 0)
            return Decision.Invalid("markdown", DomainText.DraftEmpty);
        if (draft.Markdown == state.CurrentMarkdown)
            return Decision.Invalid("markdown", DomainText.DraftSameAsCurrent);
        return Decision.Accept(new DraftVersionPublished(
            state.Id, state.CurrentVersion + 1, draft.Markdown, string.IsNullOrEmpty(note) ? null : note,
            draft.Sections, command.Caller.UserName, now, draft.Frame.IsEmpty ? null : draft.Frame));
    }
}

/// <summary>Parses the draft once, before the stream is loaded, then lets <see cref="PublishDraftVersion"/> decide.</summary>
public sealed class PublishDraftVersionHandler(ConsultationStream stream)
{
    public async Task<CommandOutcome> Handle(PublishDraftVersion command, CancellationToken cancellation)
    {
        var (draft, refusal) = DraftSections.Parse(command.Draft);
        if (draft is null) return new(refusal!, null);
        return await stream.Append(command.ConsultationId, (state, now) => PublishDraftVersion.Decide(state, draft, command, now), cancellation);
    }
}

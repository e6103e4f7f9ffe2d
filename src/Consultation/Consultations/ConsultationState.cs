using Nq45Consult.Consultation.Drafts.Parsing;
namespace Nq45Consult.Consultation.Consultations;

// Events of a consultation's stream: past tense, each with who and when.

public sealed record ConsultationCreated(
    Guid ConsultationId,
    string Slug,
    ConsultationDetailsInput.Valid Details,
    string CreatedBy,
    DateTimeOffset CreatedAt);

public sealed record ConsultationDetailsEdited(
    Guid ConsultationId,
    ConsultationDetailsInput.Valid Details,
    string EditedBy,
    DateTimeOffset EditedAt);

public sealed record DraftVersionPublished(
    Guid ConsultationId,
    int Version,
    string Markdown,
    string? ChangeNote,
    IReadOnlyList<SectionSnapshot> Sections,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    DraftFrame? Frame = null);

public sealed record ConsultationOpened(Guid ConsultationId, string OpenedBy, DateTimeOffset OpenedAt);

/// <summary><paramref name="ClosedBy"/> is null when the consultation closed by itself at its closing time.</summary>
public sealed record ConsultationClosed(Guid ConsultationId, string? ClosedBy, DateTimeOffset ClosedAt);

public sealed record ExpertsInvited(Guid ConsultationId, IReadOnlyList<string> UserNames, string InvitedBy, DateTimeOffset InvitedAt);

/// <summary>The drafting agency's responses to the feedback became public; the consultation is then <c>responded</c>.</summary>
public sealed record ResponsesPublished(Guid ConsultationId, string PublishedBy, DateTimeOffset PublishedAt);

/// <summary>What the decide functions need to know about a consultation, rebuilt from its events.</summary>
public sealed record ConsultationState(
    Guid Id,
    ConsultationStatus Status,
    DateTimeOffset ClosesAt,
    int CurrentVersion,
    string? CurrentMarkdown,
    IReadOnlySet<string> Invited)
{
    /// <summary>A survey is defined (<see cref="ISurveyDefined"/>): with one, a consultation may open without a draft.</summary>
    public bool HasSurvey { get; init; }

    /// <summary>The agency whose officials alone respond and publish the responses (<see cref="DraftingAgencies"/>).</summary>
    public Guid? DraftingAgencyId { get; init; }

    /// <summary>Something to take part in: a published draft version to comment on, or a survey to answer.</summary>
    public bool HasContent => CurrentVersion > 0 || HasSurvey;

    public static ConsultationState Create(ConsultationCreated e) =>
        new(e.ConsultationId, ConsultationStatus.Draft, e.Details.ClosesAt, 0, null, new HashSet<string>(StringComparer.OrdinalIgnoreCase))
        {
            DraftingAgencyId = e.Details.DraftingAgencyId,
        };

    public ConsultationState Apply(ConsultationDetailsEdited e) => this with { ClosesAt = e.Details.ClosesAt, DraftingAgencyId = e.Details.DraftingAgencyId };

    public ConsultationState Apply(DraftVersionPublished e) => this with { CurrentVersion = e.Version, CurrentMarkdown = e.Markdown };

    public ConsultationState Apply(ConsultationOpened e) => this with { Status = ConsultationStatus.Open };

    public ConsultationState Apply(ConsultationClosed e) => this with { Status = ConsultationStatus.Closed };

    public ConsultationState Apply(ResponsesPublished e) => this with { Status = ConsultationStatus.Responded };

    public ConsultationState Apply(ISurveyDefined e) => this with { HasSurvey = true };

    public ConsultationState Apply(ExpertsInvited e) =>
        this with { Invited = new HashSet<string>(Invited.Concat(e.UserNames), StringComparer.OrdinalIgnoreCase) };
}

using Nq45Consult.Consultation.Drafts.Parsing;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Invitations;
using Nq45Consult.Consultation.Invitations.Inviting;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Consultations;

/// <summary>
/// Body of <c>POST /api/consultations</c> and <c>PUT /api/consultations/{id}</c>; enums as kebab-case strings;
/// <c>draftingAgencyId</c> optional (left out of a <c>PUT</c>, the consultation keeps the agency it names).
/// </summary>
public sealed record ConsultationRequest(
    string? Title,
    string? Summary,
    string? DraftingAgency,
    string? DocumentType,
    List<string>? Fields,
    string? Audience,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    string? Slug = null,
    Guid? DraftingAgencyId = null)
{
    public ConsultationDetailsInput ToInput() =>
        new(Title, Summary, DraftingAgency, DocumentType, Fields, Audience, OpensAt, ClosesAt) { DraftingAgencyId = DraftingAgencyId };
}

public sealed record PublishVersionRequest(string? Markdown, string? ChangeNote);

/// <summary>
/// Invite by user names, and/or everyone in the registry with one of the fields, in one of the associations or
/// matching one of the saved filters (ids or names), and/or people by e-mail address or registry profile id (those
/// without an account get an e-mail with a single-use link).
/// </summary>
public sealed record InvitationRequest(
    List<string>? UserNames, List<string>? Fields, List<string>? Associations = null, List<string>? SavedFilters = null,
    List<string>? Emails = null, List<Guid>? ProfileIds = null)
{
    public InvitePeople ToCommand(Guid consultationId, Guid? sessionId, Caller caller) =>
        new(consultationId, sessionId, new Invitees(UserNames, Fields, Associations, SavedFilters), Emails, ProfileIds, caller, RequestLanguage.Current);
}

public sealed record PreviewRequest(string? Markdown);

public sealed record ConsultationListItem(
    Guid Id, string Slug, string Title, ConsultationStatus Status, Audience Audience,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, IReadOnlyList<string> Fields, int CurrentVersion)
{
    public static ConsultationListItem Of(ConsultationDetails c) =>
        new(c.Id, c.Slug, c.Title, c.Status, c.Audience, c.OpensAt, c.ClosesAt, c.Fields, c.CurrentVersion);
}

public sealed record ConsultationResponse(
    Guid Id, string Slug, string Title, string Summary, string DraftingAgency, DocumentType DocumentType,
    ConsultationStatus Status, Audience Audience, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    IReadOnlyList<string> Fields, int CurrentVersion, IReadOnlyList<VersionSummary> Versions,
    IReadOnlyList<SectionSnapshot> Sections, IReadOnlyList<string> Warnings, Guid? DraftingAgencyId)
{
    public static ConsultationResponse Of(ConsultationDetails c, DraftVersion? current, IReadOnlyList<string>? warnings = null) =>
        new(c.Id, c.Slug, c.Title, c.Summary, c.DraftingAgency, c.DocumentType, c.Status, c.Audience, c.OpensAt, c.ClosesAt,
            c.Fields, c.CurrentVersion, c.Versions, current?.Sections ?? [], warnings ?? [], c.DraftingAgencyId);
}

public sealed record VersionResponse(int Version, string? ChangeNote, DateTimeOffset PublishedAt, IReadOnlyList<SectionSnapshot> Sections)
{
    public static VersionResponse Of(DraftVersion v) => new(v.Version, v.ChangeNote, v.PublishedAt, v.Sections);
}

/// <summary>The sections a draft would have, its frame (not commentable) and what the moderator may want to fix first.</summary>
public sealed record PreviewResponse(IReadOnlyList<SectionSnapshot> Sections, DraftFrame Frame, IReadOnlyList<PreviewWarning> Warnings);

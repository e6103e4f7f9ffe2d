using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Consultations;

/// <summary>One consultation as pages and the API show it; kept inline with its stream (exact, read-your-writes).</summary>
public sealed record ConsultationDetails(
    Guid Id,
    string Slug,
    string Title,
    string Summary,
    string DraftingAgency,
    DocumentType DocumentType,
    IReadOnlyList<string> Fields,
    Audience Audience,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    ConsultationStatus Status,
    int CurrentVersion,
    IReadOnlyList<VersionSummary> Versions,
    IReadOnlyList<string> InvitedExperts,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>Published means anyone may read it: it has been opened at least once.</summary>
    public bool IsPublished => Status != ConsultationStatus.Draft;

    /// <summary>The agency drafting the document, whose officials alone respond (<see cref="DraftingAgencies"/>); null for none.</summary>
    public Guid? DraftingAgencyId { get; init; }

    /// <summary>When the drafting agency published its responses; until then they are private to officials.</summary>
    public DateTimeOffset? ResponsesPublishedAt { get; init; }

    public bool ResponsesArePublic => ResponsesPublishedAt is not null;
}

public sealed record VersionSummary(int Version, string? ChangeNote, int SectionCount, string PublishedBy, DateTimeOffset PublishedAt);

public sealed partial class ConsultationDetailsProjection : SingleStreamProjection<ConsultationDetails, Guid>
{
    public static ConsultationDetails Create(ConsultationCreated e) => new(
        e.ConsultationId, e.Slug, e.Details.Title, e.Details.Summary, e.Details.DraftingAgency, e.Details.DocumentType,
        e.Details.Fields, e.Details.Audience, e.Details.OpensAt, e.Details.ClosesAt, ConsultationStatus.Draft,
        0, [], [], e.CreatedBy, e.CreatedAt, null, null)
    {
        DraftingAgencyId = e.Details.DraftingAgencyId,
    };

    public static ConsultationDetails Apply(ConsultationDetailsEdited e, ConsultationDetails current) => current with
    {
        Title = e.Details.Title,
        Summary = e.Details.Summary,
        DraftingAgency = e.Details.DraftingAgency,
        DraftingAgencyId = e.Details.DraftingAgencyId,
        DocumentType = e.Details.DocumentType,
        Fields = e.Details.Fields,
        Audience = e.Details.Audience,
        OpensAt = e.Details.OpensAt,
        ClosesAt = e.Details.ClosesAt,
    };

    public static ConsultationDetails Apply(DraftVersionPublished e, ConsultationDetails current) => current with
    {
        CurrentVersion = e.Version,
        Versions = [.. current.Versions, new VersionSummary(e.Version, e.ChangeNote, e.Sections.Count, e.PublishedBy, e.PublishedAt)],
    };

    public static ConsultationDetails Apply(ConsultationOpened e, ConsultationDetails current) =>
        current with { Status = ConsultationStatus.Open, OpenedAt = e.OpenedAt };

    public static ConsultationDetails Apply(ConsultationClosed e, ConsultationDetails current) =>
        current with { Status = ConsultationStatus.Closed, ClosedAt = e.ClosedAt };

    public static ConsultationDetails Apply(ResponsesPublished e, ConsultationDetails current) =>
        current with { Status = ConsultationStatus.Responded, ResponsesPublishedAt = e.PublishedAt };

    public static ConsultationDetails Apply(ExpertsInvited e, ConsultationDetails current) =>
        current with { InvitedExperts = [.. current.InvitedExperts, .. e.UserNames] };
}

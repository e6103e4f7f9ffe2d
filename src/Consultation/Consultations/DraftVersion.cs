using Marten;
using Marten.Events.Projections;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Consultations;

/// <summary>One published version of a draft with its sections; written once, when published.</summary>
public sealed record DraftVersion(
    string Id,
    Guid ConsultationId,
    int Version,
    string Markdown,
    string? ChangeNote,
    IReadOnlyList<SectionSnapshot> Sections,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    DraftFrame? Frame = null)
{
    public static string IdOf(Guid consultationId, int version) => $"{consultationId:N}/{version}";
}

/// <summary>Stores each published version as its own document (no read-modify-write, so safe inline).</summary>
public sealed partial class DraftVersionProjection : EventProjection
{
    public void Project(DraftVersionPublished e, IDocumentOperations operations) =>
        operations.Store(new DraftVersion(
            DraftVersion.IdOf(e.ConsultationId, e.Version), e.ConsultationId, e.Version, e.Markdown, e.ChangeNote,
            e.Sections, e.PublishedBy, e.PublishedAt, e.Frame));
}

using Marten;
using Marten.Events.Projections;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Search;

/// <summary>
/// Keeps <see cref="SearchIndex"/> current from the events, inline: whichever handler appends them, the rows change in
/// the same transaction (a published version replaces its consultation's section rows; items are written, revised,
/// withdrawn, hidden, restored and answered). No read-modify-write of a document, so concurrent writers lose nothing.
/// </summary>
public sealed partial class SearchIndexProjection(string schema) : EventProjection
{
    public void Project(DraftVersionPublished e, IDocumentOperations operations) =>
        SearchIndex.Sections(operations, schema, e.ConsultationId, e.Sections);

    public void Project(FeedbackSubmitted e, IDocumentOperations operations) =>
        SearchIndex.Item(operations, schema, e.FeedbackId, e.ConsultationId, e.SectionAnchor, e.Content, hidden: false, withdrawn: false);

    public void Project(FeedbackRevised e, IDocumentOperations operations) => SearchIndex.Revised(operations, schema, e.FeedbackId, e.Content);

    public void Project(FeedbackWithdrawn e, IDocumentOperations operations) => SearchIndex.Withdrawn(operations, schema, e.FeedbackId);

    public void Project(FeedbackHidden e, IDocumentOperations operations) => SearchIndex.Hidden(operations, schema, e.FeedbackId, hidden: true);

    public void Project(FeedbackRestored e, IDocumentOperations operations) => SearchIndex.Hidden(operations, schema, e.FeedbackId, hidden: false);

    public void Project(FeedbackResponded e, IDocumentOperations operations) => SearchIndex.Responded(operations, schema, e.FeedbackId, e.Explanation);
}

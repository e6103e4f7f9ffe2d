using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Review.Critique;

/// <summary>The critique report of a consultation and the items it cites; the routes that read them are staff-only.</summary>
public sealed class CritiqueQueries(IQuerySession session, ConsultationQueries consultations)
{
    /// <summary>The consultation (by id or slug) and its report, either null when there is none.</summary>
    public async Task<(ConsultationDetails? Consultation, CritiqueReport? Report)> Of(string idOrSlug, CancellationToken cancellation = default)
    {
        var consultation = await consultations.Find(idOrSlug, cancellation);
        return consultation is null ? (null, null) : (consultation, await session.LoadAsync<CritiqueReport>(consultation.Id, cancellation));
    }

    public Task<IReadOnlyList<FeedbackItem>> Items(IReadOnlyCollection<Guid> ids, CancellationToken cancellation = default) =>
        ids.Count == 0 ? Task.FromResult<IReadOnlyList<FeedbackItem>>([]) : session.LoadManyAsync<FeedbackItem>(cancellation, ids);
}

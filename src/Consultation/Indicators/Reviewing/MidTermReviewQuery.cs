using Nq45Consult.Consultation.Experts.Associations;

namespace Nq45Consult.Consultation.Indicators.Reviewing;

/// <summary>Assembles the mid-term review from the snapshots; null before the first snapshot.</summary>
public sealed class MidTermReviewQuery(IndicatorQueries indicators, AssociationQueries associations)
{
    public async Task<MidTermReview?> Build(CancellationToken cancellation = default) =>
        MidTermReview.Of(await indicators.Snapshots(cancellation), await indicators.All(cancellation), await associations.All(cancellation));
}

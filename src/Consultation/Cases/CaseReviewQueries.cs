using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Cases;

/// <summary>A chapter a review assesses: a top-level section of the consultation's current version.</summary>
public sealed record ReviewChapter(string Anchor, string Title)
{
    /// <summary>The chapters of the case's draft, in order; none when the case carries no published draft.</summary>
    public static async Task<IReadOnlyList<ReviewChapter>> Of(IQuerySession session, CritiqueCase found, CancellationToken cancellation)
    {
        if (found.ConsultationId is not { } id || await session.LoadAsync<ConsultationDetails>(id, cancellation) is not { CurrentVersion: > 0 } consultation)
            return [];
        var version = await session.LoadAsync<DraftVersion>(DraftVersion.IdOf(id, consultation.CurrentVersion), cancellation);
        return [.. (version?.Sections ?? []).Where(s => s.ParentAnchor is null).OrderBy(s => s.Order)
            .Select(s => new ReviewChapter(s.Anchor, TitleOf(s)))];
    }

    /// <summary>"II. NHIỆM VỤ" from the number and the heading; the anchor for a chapter with neither, so its field always has a label.</summary>
    private static string TitleOf(SectionSnapshot section)
    {
        var title = string.Join(". ", new[] { section.Number, section.Heading }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return title.Length > 0 ? title : section.Anchor;
    }
}

/// <summary>
/// The reviews of a case a caller may read: <see cref="Submitted"/> (to those involved in the case, never the public),
/// <see cref="Mine"/> (the caller's own, draft or submitted), <see cref="Seat"/> (the caller's reviewer seat, if any) and the
/// draft's <see cref="Chapters"/>.
/// </summary>
public sealed record CaseReviews(
    CritiqueCase Case, IReadOnlyList<CaseReview> Submitted, CaseReview? Mine, CouncilSeat? Seat, IReadOnlyList<ReviewChapter> Chapters)
{
    /// <summary>What the caller may read: the submitted ones and their own draft.</summary>
    public IReadOnlyList<CaseReview> Readable => Mine is { IsSubmitted: false } draft ? [.. Submitted, draft] : Submitted;
}

public sealed class CaseReviewQueries(IQuerySession session)
{
    /// <summary>Null when the case is not one the caller may see.</summary>
    public async Task<CaseReviews?> Of(Guid caseId, Caller? caller, CancellationToken cancellation = default)
    {
        var found = caseId == Guid.Empty ? null : await session.LoadAsync<CritiqueCase>(caseId, cancellation);
        if (found is null || !found.IsVisibleTo(caller)) return null;
        var reviews = await session.Query<CaseReview>().Where(r => r.CaseId == caseId).ToListAsync(cancellation);
        var seat = caller is null ? null : CaseReview.SeatOf(found, caller);
        return new(found,
            found.IsInvolved(caller) ? [.. reviews.Where(r => r.IsSubmitted).OrderBy(r => r.Role).ThenBy(r => r.SubmittedAt)] : [],
            reviews.FirstOrDefault(r => r.IsWrittenBy(caller) && (seat is null || r.MemberId == seat.MemberId)),
            seat, await ReviewChapter.Of(session, found, cancellation));
    }

    /// <summary>One seat's review: submitted, for those involved; a draft, for its writer only. Null otherwise.</summary>
    public async Task<(CritiqueCase Case, CaseReview Review)?> One(Guid caseId, Guid memberId, Caller? caller, CancellationToken cancellation = default)
    {
        if (await Of(caseId, caller, cancellation) is not { } reviews) return null;
        var review = reviews.Readable.FirstOrDefault(r => r.MemberId == memberId);
        return review is null ? null : (reviews.Case, review);
    }
}

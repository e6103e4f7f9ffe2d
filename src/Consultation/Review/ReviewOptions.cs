using System.ComponentModel.DataAnnotations;

namespace Nq45Consult.Consultation.Review;

/// <summary>Settings of the officials' review (section <c>Review</c>).</summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>Days after a consultation closes by which every item should be answered, unless a deadline is set for it.</summary>
    [Range(1, 365)]
    public int ResponseDays { get; set; } = 30;

    /// <summary>
    /// Trigram similarity (0–1, as pg_trgm's similarity()) at or above which two items of one consultation count as
    /// near-duplicates. The LSH bands find pairs at 0.6 with probability 0.96 and at 0.7 with 0.999
    /// (<see cref="Feedback.Likeness.TextLikeness"/>); a lower threshold finds fewer of its pairs.
    /// </summary>
    [Range(0.1, 1.0)]
    public double DuplicateThreshold { get; set; } = 0.6;
}

using System.ComponentModel.DataAnnotations;

namespace Nq45Consult.Consultation.Review;

/// <summary>Settings of the officials' review (section <c>Review</c>).</summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>Days after a consultation closes by which every item should be answered, unless a deadline is set for it.</summary>
    [Range(1, 365)]
    public int ResponseDays { get; set; } = 30;

    /// <summary>pg_trgm similarity (0–1) at or above which two items of one consultation count as near-duplicates.</summary>
    [Range(0.1, 1.0)]
    public double DuplicateThreshold { get; set; } = 0.6;

    /// <summary>
    /// Seconds the near-duplicate search may take before it gives up (the search grows with the square of the items,
    /// and the dashboard must stay usable for a consultation of any size).
    /// </summary>
    [Range(1, 300)]
    public int DuplicateSearchSeconds { get; set; } = 5;
}

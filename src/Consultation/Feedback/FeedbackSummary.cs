namespace Nq45Consult.Consultation.Feedback;

/// <summary>Counts of a consultation's public feedback (withdrawn and hidden items excluded).</summary>
public sealed record FeedbackSummary(
    FeedbackTotals Totals,
    IReadOnlyList<SectionCounts> Sections,
    IReadOnlyDictionary<string, int> ByField);

public sealed record FeedbackTotals(int Feedback, int Participants, IReadOnlyDictionary<Stance, int> ByStance);

/// <summary><see cref="Responded"/> counts items with a published official response.</summary>
public sealed record SectionCounts(string Anchor, int Feedback, IReadOnlyDictionary<Stance, int> ByStance, int Responded);

/// <summary>One line of the public moderation log: how many items were hidden and restored for a reason category.</summary>
public sealed record ModerationLogLine(ModerationCategory Category, int Hidden, int Restored);

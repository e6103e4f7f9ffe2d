using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Recommendations;

// Recommendations (kiến nghị) between consultations. Marten stores events by type name: never rename one once shipped.

/// <summary>An expert made a recommendation; it is public at once (moderated afterwards, as feedback is).</summary>
public sealed record RecommendationSubmitted(
    Guid RecommendationId, string Topic, IReadOnlyList<string> Fields, string Text, Attribution Attribution, AuthorSnapshot Author, DateTimeOffset SubmittedAt);

public sealed record RecommendationHidden(Guid RecommendationId, string Reason, string HiddenBy, DateTimeOffset HiddenAt);

public sealed record RecommendationRestored(Guid RecommendationId, string Reason, string RestoredBy, DateTimeOffset RestoredAt);

/// <summary>
/// A moderator sent it to the agency responsible, which answers by <paramref name="DueAt"/>; routing again moves it.
/// <paramref name="Agency"/> is the agency's name then; <paramref name="AgencyId"/> its record (null in events stored
/// before agencies existed, when any official answered).
/// </summary>
public sealed record RecommendationRouted(Guid RecommendationId, string Agency, DateTimeOffset DueAt, string RoutedBy, DateTimeOffset RoutedAt, Guid? AgencyId = null);

/// <summary>An official answered on behalf of the agency; the answer is public with the recommendation.</summary>
public sealed record RecommendationAnswered(Guid RecommendationId, string Answer, string AnsweredBy, DateTimeOffset AnsweredAt);

/// <summary>An expert supports a recommendation: the first event of the (recommendation, supporter) stream, its only one.</summary>
public sealed record RecommendationSupported(Guid SupportId, Guid RecommendationId, string Supporter, DateTimeOffset SupportedAt);

namespace Nq45Consult.Consultation.Review;

// Events of the review: past tense, each with who and when. A response is appended to the item's own stream
// (Feedback.FeedbackResponded); a deadline to the consultation's stream.

public sealed record ResponseDeadlineSet(Guid ConsultationId, DateTimeOffset Deadline, string SetBy, DateTimeOffset SetAt);

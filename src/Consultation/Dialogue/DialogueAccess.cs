using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>Who may enter a session's room, and what of it they may see and do there.</summary>
public static class DialogueAccess
{
    /// <summary>As for feedback on its consultation; an anonymous caller never.</summary>
    public static bool MayJoin(ConsultationDetails consultation, Caller? caller) =>
        caller is not null
        && (caller.IsModerator
            || caller.IsOfficial
            || (consultation.IsPublished && caller.IsExpert
                && (consultation.Audience == Audience.Public
                    || consultation.InvitedExperts.Contains(caller.UserName, StringComparer.OrdinalIgnoreCase))));

    /// <summary>
    /// Whether the caller may learn that the consultation's sessions exist: before the consultation is published,
    /// only those who may join them; to anyone else they are not found (404, not a refusal that confirms them).
    /// </summary>
    public static bool MayKnowOf(ConsultationDetails consultation, Caller? caller) =>
        consultation.IsPublished || MayJoin(consultation, caller);

    /// <summary>What of a question a caller may see: public ones, their own, and everything for moderators.</summary>
    public static bool MaySee(this Question question, Caller caller) =>
        caller.IsModerator
        || question.Status == QuestionStatus.Visible
        || question.AskedBy.Equals(caller.UserName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Moderators answer; so do the drafting body's officials (step 5: the drafting body clarifies).</summary>
    public static bool MayAnswer(this Caller caller) => caller.IsModerator || caller.IsOfficial;
}

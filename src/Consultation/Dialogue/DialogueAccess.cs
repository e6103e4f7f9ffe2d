using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>Who may enter a session's room: as for feedback on its consultation.</summary>
public static class DialogueAccess
{
    public static bool MayJoin(ConsultationDetails consultation, Participant participant) =>
        participant.IsModerator
        || participant.Roles.Contains(Role.Official)
        || (consultation.IsPublished && participant.Roles.Contains(Role.Expert)
            && (consultation.Audience == Audience.Public
                || consultation.InvitedExperts.Contains(participant.UserName, StringComparer.OrdinalIgnoreCase)));

    /// <summary>
    /// Whether the participant may learn that the consultation's sessions exist: before the consultation is published,
    /// only those who may join them; to anyone else they are not found (404, not a refusal that confirms them).
    /// </summary>
    public static bool MayKnowOf(ConsultationDetails consultation, Participant participant) =>
        consultation.IsPublished || MayJoin(consultation, participant);

    /// <summary>What of a question a participant may see: public ones, their own, and everything for moderators.</summary>
    public static bool MaySee(this Question question, Participant participant) =>
        participant.IsModerator
        || question.Status == QuestionStatus.Visible
        || question.AskedBy.Equals(participant.UserName, StringComparison.OrdinalIgnoreCase);
}

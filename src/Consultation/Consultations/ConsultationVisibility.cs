namespace Nq45Consult.Consultation.Consultations;

/// <summary>
/// Who may see a consultation, and so everything under it (versions, diffs, feedback, survey): everyone once it has
/// been opened; before that, while it is a draft being prepared, only moderators.
/// </summary>
public static class ConsultationVisibility
{
    public static bool IsVisibleTo(this ConsultationDetails consultation, Caller? caller) =>
        consultation.IsPublished || caller?.IsModerator == true;

    /// <summary>Drafts are listed to moderators only.</summary>
    public static IReadOnlyCollection<ConsultationStatus> ListedTo(IReadOnlyCollection<ConsultationStatus> statuses, Caller? caller) =>
        caller?.IsModerator == true ? statuses : [.. statuses.Where(s => s != ConsultationStatus.Draft)];
}

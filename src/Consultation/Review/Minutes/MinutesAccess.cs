namespace Nq45Consult.Consultation.Review.Minutes;

/// <summary>
/// Who writes and reads a session's minutes, decided here only. Moderators run sessions and write their minutes; the
/// minutes of a council's meeting (a critique case's linked session) are also written by the council's secretary (the
/// minutes say which session, the case which secretary) and read by those who follow the case, to whom the rest of the
/// world is as if they did not exist.
/// </summary>
public static class MinutesAccess
{
    /// <summary>Generate, edit and finalise: moderators, and the secretary of the council whose meeting it is.</summary>
    public static bool MayEditMinutes(Caller caller, MeetingCouncil? council) => caller.IsModerator || council?.CallerIsSecretary == true;

    /// <summary>Staff (moderators and officials) for any session; for a council's meeting, those who follow its case.</summary>
    public static bool MayReadMinutes(Caller caller, MeetingCouncil? council) =>
        MayEditMinutes(caller, council) || (council is null ? caller.IsReviewer : council.CallerFollows);

    /// <summary>A council's meeting whose case the caller may not see: its minutes answer as unknown (404), as the case does.</summary>
    public static bool Hidden(Caller caller, MeetingCouncil? council) => council is not null && !MayReadMinutes(caller, council);
}

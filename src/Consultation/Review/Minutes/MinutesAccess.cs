namespace Nq45Consult.Consultation.Review.Minutes;

/// <summary>
/// Who writes and reads a session's minutes, decided here only. Moderators run sessions and write their minutes; a
/// critique case's secretary will be added to <see cref="MayEditMinutes"/> (the minutes say which session, the case
/// which secretary), and whoever may edit may read.
/// </summary>
public static class MinutesAccess
{
    /// <summary>Generate, edit and finalise: <paramref name="minutes"/> is null before they are generated.</summary>
    public static bool MayEditMinutes(Caller caller, SessionMinutes? minutes) => caller.IsModerator;

    /// <summary>Staff: moderators and the drafting agency's officials, and whoever may edit.</summary>
    public static bool MayReadMinutes(Caller caller, SessionMinutes? minutes) => caller.IsReviewer || MayEditMinutes(caller, minutes);
}

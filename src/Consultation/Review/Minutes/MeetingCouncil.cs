using Marten;

namespace Nq45Consult.Consultation.Review.Minutes;

/// <summary>
/// The council whose meeting a session is (a critique case's), as the minutes need it and as one caller stands to it:
/// what the draft is headed and who chairs and keeps it, whether the caller follows the case (may read its minutes) and
/// whether they hold its secretary's seat (may write them).
/// </summary>
/// <param name="Heading">"BIÊN BẢN HỌP HỘI ĐỒNG …", the heading of the draft.</param>
/// <param name="Subject">What the meeting is about: the case's subject.</param>
/// <param name="Chair">The chair's name, empty while no one has accepted the seat.</param>
/// <param name="Secretary">The secretary's name, empty while no one has accepted the seat.</param>
public sealed record MeetingCouncil(string Heading, string Subject, string Chair, string Secretary, bool CallerFollows, bool CallerIsSecretary);

/// <summary>
/// Finds the council whose meeting a session is; implemented by the capability that links meetings to councils (cases),
/// so the minutes know the case's secretary without knowing cases.
/// </summary>
public interface IMeetingCouncils
{
    /// <summary>Null when the session is no council's meeting.</summary>
    Task<MeetingCouncil?> Of(IQuerySession session, Guid sessionId, Caller caller, CancellationToken cancellation);
}

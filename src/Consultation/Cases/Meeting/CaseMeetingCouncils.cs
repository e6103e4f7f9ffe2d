using Marten;
using Nq45Consult.Consultation.Review.Minutes;

namespace Nq45Consult.Consultation.Cases.Meeting;

/// <summary>
/// The minutes of a case's linked session belong to the case: headed as its council's meeting, with the chair and the
/// secretary who accepted their seats; the secretary writes them and those who follow the case read them.
/// </summary>
public sealed class CaseMeetingCouncils : IMeetingCouncils
{
    public async Task<MeetingCouncil?> Of(IQuerySession session, Guid sessionId, Caller caller, CancellationToken cancellation)
    {
        // Two cases of one consultation could name the same session; the latest request's council keeps the minutes.
        var found = (await session.Query<CritiqueCase>().Where(c => c.SessionId == sessionId).ToListAsync(cancellation))
            .OrderByDescending(c => c.RequestedAt).FirstOrDefault();
        if (found is null) return null;
        var secretary = Seated(found, CouncilRole.Secretary);
        return new MeetingCouncil(
            CaseLetters.MinutesHeading(found.Kind), found.Subject, Seated(found, CouncilRole.Chair)?.FullName ?? "", secretary?.FullName ?? "",
            found.IsInvolved(caller),
            secretary is not null && string.Equals(secretary.UserName, caller.UserName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Who accepted a single seat (a declined one frees it; a pending one is not taken yet).</summary>
    private static CouncilSeat? Seated(CritiqueCase c, CouncilRole role) => c.Council.LastOrDefault(s => s.Role == role && s.Answer == SeatAnswer.Accepted);
}

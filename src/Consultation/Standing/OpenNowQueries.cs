using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Surveys;

namespace Nq45Consult.Consultation.Standing;

/// <summary>
/// What the home page shows: consultations open now (soonest closing first), live sessions and those starting soon,
/// open surveys, and the consultations whose responses were published lately (latest first).
/// </summary>
public sealed record OpenNow(
    IReadOnlyList<ConsultationDetails> Consultations,
    IReadOnlyList<UpcomingSession> Sessions,
    IReadOnlyList<ConsultationDetails> Surveys,
    IReadOnlyList<ConsultationDetails> AnsweredLately);

public sealed class OpenNowQueries(IQuerySession session)
{
    /// <summary>A session further ahead than this is news for the consultation's page, not for the home page.</summary>
    public static readonly TimeSpan SoonWindow = TimeSpan.FromDays(14);

    /// <summary>The home page is a summary: the few latest answered consultations, the rest are in the list.</summary>
    public const int AnsweredShown = 5;

    /// <summary>
    /// Each list as <paramref name="caller"/> may see it, by the rule of the capability that owns it: consultations by
    /// <see cref="ConsultationVisibility"/>, surveys with their consultation, sessions of the consultations whose
    /// sessions the caller may join (<see cref="DialogueAccess.MayJoin"/>) and of every public consultation: a public
    /// consultation's dialogue is announced to everyone, anonymous visitors included, who learn its title and time
    /// but get no way in (<see cref="UpcomingSession.MayJoin"/> false).
    /// </summary>
    public async Task<OpenNow> Of(Caller? caller, DateTimeOffset now, CancellationToken cancellation = default)
    {
        var consultations = new ConsultationQueries(session);
        var open = await consultations.Visible([ConsultationStatus.Open], caller, cancellation);

        var sessions = new List<UpcomingSession>();
        foreach (var consultation in open)
        {
            var mayJoin = DialogueAccess.MayJoin(consultation, caller);
            if (!mayJoin && consultation.Audience != Audience.Public) continue;
            sessions.AddRange((await SessionListing.Of(session, consultation.Id, cancellation))
                .Where(s => s.Status == SessionStatus.Live || s.Status == SessionStatus.Scheduled && s.StartsAt <= now + SoonWindow)
                .Select(s => new UpcomingSession(s, consultation) { MayJoin = mayJoin }));
        }

        var surveyQueries = new SurveyQueries(session);
        var surveys = new List<ConsultationDetails>();
        foreach (var consultation in open)
            if (await surveyQueries.Find(consultation.Id, cancellation) is not null) surveys.Add(consultation);

        var answered = (await consultations.Visible([ConsultationStatus.Responded], caller, cancellation))
            .OrderByDescending(c => c.ResponsesPublishedAt).ThenBy(c => c.Title, StringComparer.Ordinal).Take(AnsweredShown).ToList();

        return new(open, [.. sessions.OrderBy(s => s.Session.Status == SessionStatus.Live ? 0 : 1).ThenBy(s => s.Session.StartsAt)], surveys, answered);
    }
}

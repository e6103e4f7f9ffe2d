using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Surveys;

namespace Nq45Consult.Consultation.Standing;

/// <summary>
/// Where a person stands (the <c>/me</c> page): open consultations they are invited to, surveys waiting for their
/// answer, live sessions to come, and the published responses to their feedback. Only what the caller may take part in
/// or read, each decided by its own capability's rule.
/// </summary>
public sealed record PersonalStanding(
    IReadOnlyList<ConsultationDetails> Invitations,
    IReadOnlyList<ConsultationDetails> SurveysWaiting,
    IReadOnlyList<UpcomingSession> Sessions,
    IReadOnlyList<AnsweredItem> Responses)
{
    public bool IsEmpty => Invitations.Count == 0 && SurveysWaiting.Count == 0 && Sessions.Count == 0 && Responses.Count == 0;
}

/// <summary>A scheduled or live session of a consultation; <see cref="MayJoin"/> says whether the person may join it.</summary>
public sealed record UpcomingSession(SessionListing Session, ConsultationDetails Consultation)
{
    /// <summary>False for a session of a public consultation shown to someone who may not join it (its title and time only).</summary>
    public bool MayJoin { get; init; } = true;
}

/// <summary>One of the person's items whose consultation has published its responses, with that response.</summary>
public sealed record AnsweredItem(FeedbackItem Item, ItemResponse Response, ConsultationDetails Consultation);

public sealed class StandingQueries(IQuerySession session)
{
    /// <summary>Open consultations are few (a province's); each is read once and asked of each capability.</summary>
    public async Task<PersonalStanding> Of(Caller caller, CancellationToken cancellation = default)
    {
        var open = await new ConsultationQueries(session).List([ConsultationStatus.Open], cancellation);
        var invited = open.Where(c => c.InvitedExperts.Contains(caller.UserName, StringComparer.OrdinalIgnoreCase)).OrderBy(c => c.ClosesAt).ToList();

        var surveys = new SurveyQueries(session);
        var waiting = new List<ConsultationDetails>();
        foreach (var consultation in open.Where(c => FeedbackTarget.Of(c, []).Admits(caller)).OrderBy(c => c.ClosesAt))
            if (await surveys.Find(consultation.Id, cancellation) is not null && await surveys.ResponseOf(consultation.Id, caller.UserName, cancellation) is null)
                waiting.Add(consultation);

        var sessions = new List<UpcomingSession>();
        foreach (var consultation in open.Where(c => DialogueAccess.MayJoin(c, caller)))
            sessions.AddRange((await SessionListing.Of(session, consultation.Id, cancellation))
                .Where(s => s.Status != SessionStatus.Ended).Select(s => new UpcomingSession(s, consultation)));

        var feedback = new FeedbackQueries(session);
        var mine = (await feedback.Mine(caller.UserName, cancellation)).Where(i => i.Response is not null).ToList();
        var published = await feedback.WithPublicResponses(mine, cancellation);
        var consultations = published.Count == 0
            ? new Dictionary<Guid, ConsultationDetails>()
            : (await session.LoadManyAsync<ConsultationDetails>(cancellation, [.. published])).ToDictionary(c => c.Id);
        var answered = mine.Where(i => published.Contains(i.ConsultationId))
            .Select(i => new AnsweredItem(i, i.Response!, consultations[i.ConsultationId]))
            .OrderByDescending(a => a.Consultation.ResponsesPublishedAt).ToList();

        return new(invited, waiting, [.. sessions.OrderBy(s => s.Session.StartsAt)], answered);
    }
}

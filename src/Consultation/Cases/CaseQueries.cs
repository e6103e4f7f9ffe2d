using Marten;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Attachments;
using Nq45Consult.Consultation.Cases.Documents;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Experts.Interests;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Review.Minutes;

namespace Nq45Consult.Consultation.Cases;

/// <summary>
/// A case as a caller may read it: its timeline, its consultation and meeting; <see cref="Involved"/>: the caller
/// follows the case (the agency's officials, moderators, admins, the council) and sees the council's declarations and
/// the reasons given; <see cref="MayAnswer"/>: an official of the requesting agency.
/// </summary>
public sealed record CaseReading(
    CritiqueCase Case, IReadOnlyList<TimelineStep> Timeline, ConsultationDetails? Consultation, CouncilMeeting? Meeting, bool Involved, bool MayAnswer);

/// <summary>An expert a moderator may put on the council, with their declaration for the case's consultation (null: none made).</summary>
public sealed record CouncilCandidate(ExpertProfile Profile, InterestDeclaration? Declaration);

/// <summary>Reads of cases with their rule: those involved, and everyone once the agency's answer is public; others learn nothing.</summary>
public sealed class CaseQueries(IQuerySession session)
{
    public const int MaxCandidates = 200;

    public async Task<CaseReading?> Find(Guid id, Caller? caller, CancellationToken cancellation = default)
    {
        var found = id == Guid.Empty ? null : await session.LoadAsync<CritiqueCase>(id, cancellation);
        if (found is null || !found.IsVisibleTo(caller)) return null;
        var consultation = found.ConsultationId is { } c ? await session.LoadAsync<ConsultationDetails>(c, cancellation) : null;
        var meeting = found.SessionId is { } s ? await Meeting(s, cancellation) : null;
        var reviews = await session.Query<CaseReview>().Where(r => r.CaseId == id && r.SubmittedAt != null).ToListAsync(cancellation);
        return new(found, CaseTimeline.Of(found, consultation, meeting, CaseReview.AllSubmittedAt(found, reviews)), consultation, meeting, found.IsInvolved(caller),
            caller is { IsOfficial: true } && caller.AgencyId == found.AgencyId);
    }

    /// <summary>The cases the caller may see, newest first.</summary>
    public async Task<IReadOnlyList<CritiqueCase>> List(Caller? caller, CancellationToken cancellation = default)
    {
        var cases = session.Query<CritiqueCase>();
        IReadOnlyList<CritiqueCase> found;
        if (caller is { IsModerator: true } or { IsAdmin: true }) found = await cases.ToListAsync(cancellation);
        else
        {
            var agency = caller is { IsOfficial: true, AgencyId: { } a } ? a : Guid.Empty;
            var name = caller is null ? "" : Account.Normalize(caller.UserName);
            found = await cases.Where(c => c.AgencyId == agency || c.MemberNames.Contains(name) || (c.PublishAnswer && c.AnsweredAt != null)).ToListAsync(cancellation);
        }
        return [.. found.Where(c => c.IsVisibleTo(caller)).OrderByDescending(c => c.RequestedAt)];
    }

    /// <summary>Experts of the registry with an account whose name, fields or user name match <paramref name="search"/>, for moderators.</summary>
    public async Task<IReadOnlyList<CouncilCandidate>> Candidates(CritiqueCase found, Caller? caller, string? search, CancellationToken cancellation = default)
    {
        if (caller?.IsModerator != true) return [];
        var folded = Experts.ExpertVocabulary.Fold(search ?? "");
        var profiles = session.Query<ExpertProfile>().Where(p => p.NormalizedUserName != null);
        var userName = (search ?? "").Trim().ToUpperInvariant();
        if (folded.Length > 0) profiles = profiles.Where(p => p.SearchText.Contains(folded) || p.NormalizedUserName == userName);
        var list = await profiles.OrderBy(p => p.SortName).Take(MaxCandidates).ToListAsync(cancellation);
        var declarations = found.ConsultationId is { } consultation
            ? (await session.Query<InterestDeclaration>().Where(d => d.ConsultationId == consultation).ToListAsync(cancellation)).ToDictionary(d => d.NormalizedUserName)
            : new Dictionary<string, InterestDeclaration>();
        return [.. list.Select(p => new CouncilCandidate(p, declarations.GetValueOrDefault(p.NormalizedUserName!)))];
    }

    /// <summary>The sessions of the case's consultation, any of which a moderator may name as the council's meeting.</summary>
    public async Task<IReadOnlyList<SessionListing>> Sessions(CritiqueCase found, Caller? caller, CancellationToken cancellation = default) =>
        caller?.IsModerator == true && found.ConsultationId is { } consultation ? await SessionListing.Of(session, consultation, cancellation) : [];

    /// <summary>The request's documents (not withdrawn), oldest first, of a case the caller was allowed to read.</summary>
    public async Task<IReadOnlyList<Attachment>> Documents(CaseReading reading, CancellationToken cancellation = default) =>
        [.. (await AttachmentQueries.OfOwners(session, CaseAttachments.OwnerKind, [reading.Case.Id], cancellation))[reading.Case.Id]];

    /// <summary>The minutes of the case's meeting, once generated, for those who follow the case (they may read them).</summary>
    public async Task<SessionMinutes?> MeetingMinutes(CaseReading reading, CancellationToken cancellation = default) =>
        reading is { Involved: true, Meeting: { } meeting }
            ? await session.LoadAsync<SessionMinutes>(SessionMinutes.IdOf(meeting.SessionId), cancellation)
            : null;

    private async Task<CouncilMeeting?> Meeting(Guid sessionId, CancellationToken cancellation)
    {
        var scheduled = (await session.Events.QueryRawEventDataOnly<SessionScheduled>().Where(e => e.SessionId == sessionId).ToListAsync(cancellation)).FirstOrDefault();
        if (scheduled is null) return null;
        var started = (await session.Events.QueryRawEventDataOnly<SessionStarted>().Where(e => e.SessionId == sessionId).ToListAsync(cancellation)).FirstOrDefault();
        var ended = (await session.Events.QueryRawEventDataOnly<SessionEnded>().Where(e => e.SessionId == sessionId).ToListAsync(cancellation)).FirstOrDefault();
        return new(sessionId, scheduled.Title, scheduled.StartsAt, started?.StartedAt, ended?.EndedAt);
    }
}

using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>What of the sessions a caller may read: only those who may join a session's room read it.</summary>
public sealed class DialogueQueries(DialogueSessions sessions, IQuerySession query)
{
    /// <summary>The session as stored now (another node may have written since this one last looked).</summary>
    public async Task<ReadableSession> Current(Guid id, Caller? caller, CancellationToken cancellation = default) =>
        await Readable(await sessions.Current(id, cancellation), caller, cancellation);

    /// <summary>
    /// The session as this node last knew it: enough to decide who may enter its room (its consultation never
    /// changes), not to show it.
    /// </summary>
    public async Task<ReadableSession> Known(Guid id, Caller? caller, CancellationToken cancellation = default) =>
        await Readable(await sessions.Known(id, cancellation), caller, cancellation);

    /// <summary>
    /// The session as stored now, for a caller already let in by <see cref="Known"/>: the room reads it again
    /// after joining its groups, so whatever was broadcast in between is covered.
    /// </summary>
    public Task<DialogueSession?> Entered(Guid id, CancellationToken cancellation = default) => sessions.Current(id, cancellation);

    /// <summary>
    /// What happened after <paramref name="afterSeq"/> that <paramref name="caller"/>, already let in, may learn of;
    /// null when there is no such session.
    /// </summary>
    public async Task<IReadOnlyList<SessionChange>?> Since(Guid id, long afterSeq, Caller caller, CancellationToken cancellation = default) =>
        await sessions.Since(id, afterSeq, cancellation) is { } changes ? [.. changes.Where(c => c.IsVisibleTo(caller))] : null;

    /// <summary>
    /// The public questions asked about the draft's sections in the consultation's sessions, for those who may take
    /// part in them (who may read their transcripts); nothing for anyone else.
    /// </summary>
    public async Task<ILookup<string, DraftQuestion>> AboutDraft(ConsultationDetails consultation, Caller? caller, CancellationToken cancellation = default) =>
        (DialogueAccess.MayJoin(consultation, caller) ? await DraftQuestions.Of(query, consultation.Id, cancellation) : [])
            .ToLookup(q => q.SectionAnchor);

    /// <summary>The session a join code names, when the caller may know of it (<see cref="Known"/>).</summary>
    public async Task<ReadableSession> ByJoinCode(string code, Caller? caller, CancellationToken cancellation = default) =>
        await JoinCode.Find(query, code, cancellation) is { } id ? await Known(id, caller, cancellation) : ReadableSession.Unknown;

    public async Task<ConsultationSessions> OfConsultation(Guid consultationId, Caller? caller, CancellationToken cancellation = default)
    {
        var consultation = await query.LoadAsync<ConsultationDetails>(consultationId, cancellation);
        if (consultation is null || !DialogueAccess.MayKnowOf(consultation, caller)) return new(null, null);
        return new(consultation, await OfConsultation(consultation, caller, cancellation));
    }

    /// <summary>The sessions of a consultation already found, soonest first; null when the caller may not take part in them.</summary>
    public async Task<IReadOnlyList<SessionListing>?> OfConsultation(ConsultationDetails consultation, Caller? caller, CancellationToken cancellation = default) =>
        DialogueAccess.MayJoin(consultation, caller) ? await SessionListing.Of(query, consultation.Id, cancellation) : null;

    private async Task<ReadableSession> Readable(DialogueSession? session, Caller? caller, CancellationToken cancellation)
    {
        if (session is null) return ReadableSession.Unknown;
        var consultation = await sessions.Consultation(session.ConsultationId, cancellation);
        if (consultation is null || !DialogueAccess.MayKnowOf(consultation, caller)) return ReadableSession.Unknown;
        return DialogueAccess.MayJoin(consultation, caller) ? new(session, consultation, caller) : new(session, null, null);
    }
}

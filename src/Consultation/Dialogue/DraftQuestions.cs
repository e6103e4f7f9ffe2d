using Marten;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>A public question asked in a live session about a section of the draft, with its answer once given.</summary>
public sealed record DraftQuestion(
    Guid SessionId, string SessionTitle, Guid QuestionId, string SectionAnchor, string Text, DateTimeOffset AskedAt,
    string? Answer, string? AnsweredByName);

/// <summary>
/// The questions of a consultation's sessions that name a section, as the draft page lists them under it. Read
/// from the events (asked, approved, rejected, answered), not by folding each session: a draft page must not wake
/// every session of the consultation in the live writer.
/// </summary>
public static class DraftQuestions
{
    public static async Task<IReadOnlyList<DraftQuestion>> Of(IQuerySession query, Guid consultationId, CancellationToken cancellation = default)
    {
        var sessions = (await query.Events.QueryRawEventDataOnly<SessionScheduled>()
            .Where(e => e.ConsultationId == consultationId).ToListAsync(cancellation)).ToDictionary(s => s.SessionId, s => s.Title);
        if (sessions.Count == 0) return [];
        var ids = sessions.Keys.ToArray();
        var asked = await query.Events.QueryRawEventDataOnly<QuestionAsked>()
            .Where(e => ids.Contains(e.SessionId) && e.SectionAnchor != null).ToListAsync(cancellation);
        if (asked.Count == 0) return [];
        var approved = (await query.Events.QueryRawEventDataOnly<QuestionApproved>()
            .Where(e => ids.Contains(e.SessionId)).Select(e => e.QuestionId).ToListAsync(cancellation)).ToHashSet();
        var rejected = (await query.Events.QueryRawEventDataOnly<QuestionRejected>()
            .Where(e => ids.Contains(e.SessionId)).Select(e => e.QuestionId).ToListAsync(cancellation)).ToHashSet();
        var answers = (await query.Events.QueryRawEventDataOnly<QuestionAnswered>()
            .Where(e => ids.Contains(e.SessionId)).ToListAsync(cancellation))
            .GroupBy(e => e.QuestionId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.AnsweredAt)!);
        return [.. asked
            .Where(q => (!q.NeedsApproval || approved.Contains(q.QuestionId)) && !rejected.Contains(q.QuestionId))
            .OrderBy(q => q.AskedAt)
            .Select(q => new DraftQuestion(
                q.SessionId, sessions[q.SessionId], q.QuestionId, q.SectionAnchor!, q.Text, q.AskedAt,
                answers.GetValueOrDefault(q.QuestionId)?.Text, answers.GetValueOrDefault(q.QuestionId)?.AnsweredByName))];
    }
}

using System.Runtime.CompilerServices;
using Marten;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>
/// The counts agencies put before the table: who was consulted, who replied, items by stance and by decision; and
/// <see cref="Rows"/>, the table's rows (items, then questions of held sessions), the total an export's progress counts to.
/// </summary>
public sealed record ReportPreamble(
    ConsultationDetails Consultation,
    int ExpertsInvited,
    int Participants,
    int InvitedWhoReplied,
    int Items,
    IReadOnlyDictionary<Stance, int> ByStance,
    IReadOnlyDictionary<ResponseDecision, int> ByDecision,
    int Unanswered,
    int SessionsHeld,
    bool ResponsesShown,
    DateTimeOffset GeneratedAt,
    int Rows,
    Letterhead Letterhead)
{
    /// <summary>The column headings the table is written with: Vietnamese, or English on request (<c>?headings=en</c>).</summary>
    public ReportHeadings Headings { get; init; } = ReportHeadings.Vietnamese;

    /// <summary>The opinion map's section, written after the table by the DOCX report; null when the consultation has no map.</summary>
    public OpinionMapSection? OpinionMap { get; init; }
}

/// <summary>One line of the acceptance table (TT · Nhóm vấn đề / Điều, khoản · Chủ thể góp ý · Nội dung góp ý · Nội dung tiếp thu, giải trình).</summary>
/// <remarks><paramref name="AddressedInVersion"/>: the later draft version marked as addressing the item, if any.</remarks>
public sealed record ReportRow(
    int Number, string Group, string Author, string Stance, string Feedback, string? ProposedText, string Decision, string Explanation,
    int? AddressedInVersion = null)
{
    /// <summary>The feedback cell of the DOCX table: stance, argument and the wording proposed.</summary>
    public string FeedbackCell => ProposedText is null ? $"{Stance}: {Feedback}" : $"{Stance}: {Feedback}\nĐề xuất: {ProposedText}";

    public string ResponseCell => AddressedInVersion is not { } version ? Answer
        : Answer.Length == 0 ? AddressedLine(version) : $"{Answer}\n{AddressedLine(version)}";

    private string Answer => Decision.Length == 0 ? Explanation : Explanation.Length == 0 ? Decision : $"{Decision}: {Explanation}";

    /// <summary>The DOCX and PDF keep their five columns (the form of the report): the marking is a line of the response cell.</summary>
    public static string AddressedLine(int version) => $"Đã tiếp thu trong phiên bản {version}.";
}

/// <summary>
/// Reads the acceptance report from the item documents, one section at a time in document order, so a
/// writer can stream rows out without ever holding the consultation's feedback in memory.
/// </summary>
public sealed class AcceptanceReport(IQuerySession session, TimeProvider time)
{
    public const string NotYetAnswered = "Chưa phản hồi";

    /// <summary>Responses are in the report once published; officials also see their drafts (<paramref name="withDrafts"/>).</summary>
    public async Task<ReportPreamble> Preamble(ConsultationDetails consultation, bool withDrafts, CancellationToken cancellation = default)
    {
        var items = await Published(consultation.Id)
            .Select(x => new Counted(x.AuthorUserName, x.Stance))
            .ToListAsync(cancellation);
        var authors = items.Select(i => i.AuthorUserName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var shown = withDrafts || consultation.ResponsesArePublic;
        var answered = await Published(consultation.Id).Where(x => x.Response != null)
            .Select(x => x.Response!.Decision).ToListAsync(cancellation);
        var sessions = await Sessions(consultation.Id, cancellation);
        var now = time.GetUtcNow();
        return new ReportPreamble(
            consultation, consultation.InvitedExperts.Count, authors.Count,
            consultation.InvitedExperts.Count(authors.Contains), items.Count,
            Enum.GetValues<Stance>().ToDictionary(s => s, s => items.Count(i => i.Stance == s)),
            Enum.GetValues<ResponseDecision>().ToDictionary(d => d, d => shown ? answered.Count(a => a == d) : 0),
            shown ? items.Count - answered.Count : items.Count,
            sessions.Count, shown, now, items.Count + sessions.Sum(s => Questions(s).Count),
            Letterhead.Of(consultation, await Details(consultation.Id, cancellation), now))
        { OpinionMap = await OpinionMapSection.Load(session, consultation.Id, cancellation) };
    }

    /// <summary>The letterhead details last set for the consultation; null when never set.</summary>
    public Task<ReportDetails?> Details(Guid consultationId, CancellationToken cancellation = default) =>
        session.LoadAsync<ReportDetails>(consultationId, cancellation);

    /// <summary>What the report prints around its body now, from the details set or the defaults.</summary>
    public async Task<(ReportDetails? Set, Letterhead Printed)> LetterheadOf(ConsultationDetails consultation, CancellationToken cancellation = default)
    {
        var set = await Details(consultation.Id, cancellation);
        return (set, Letterhead.Of(consultation, set, time.GetUtcNow()));
    }

    public async IAsyncEnumerable<ReportRow> Rows(
        ConsultationDetails consultation, bool withDrafts, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var shown = withDrafts || consultation.ResponsesArePublic;
        var number = 0;
        foreach (var (anchor, group) in await Groups(consultation, cancellation))
        {
            var items = Published(consultation.Id).Where(x => x.SectionAnchor == anchor).OrderBy(x => x.SubmittedAt).ToAsyncEnumerable(cancellation);
            await foreach (var item in items)
            {
                var response = shown ? item.Response : null;
                yield return new ReportRow(
                    ++number, group, item.ReportAuthorName, item.Stance.Vietnamese(), item.Content.Rationale, item.Content.ProposedText,
                    response?.Decision.Vietnamese() ?? (shown ? NotYetAnswered : ""), response?.Explanation ?? "", item.AddressedInVersion);
            }
        }
        foreach (var held in await Sessions(consultation.Id, cancellation))
        {
            foreach (var question in Questions(held))
                yield return new ReportRow(
                    ++number, $"Phiên đối thoại: {held.Title}", question.AskedByName, "Câu hỏi tại phiên đối thoại", question.Text, null,
                    question.Answer is null ? "" : "Trả lời tại phiên", question.Answer ?? "");
        }
    }

    /// <summary>The report shows sessions as the public record has them: rejected questions are not in it.</summary>
    private static readonly Caller PublicReader = new("report", "", new HashSet<Role>());

    private static IReadOnlyList<Question> Questions(DialogueSession held) => Transcript.Of(held, PublicReader).Questions;

    private IQueryable<FeedbackItem> Published(Guid consultationId) =>
        session.Query<FeedbackItem>().Where(x => x.ConsultationId == consultationId && x.Status == FeedbackStatus.Published);

    private async Task<List<(string? Anchor, string Label)>> Groups(ConsultationDetails consultation, CancellationToken cancellation)
    {
        // General remarks have no anchor: the list holds nulls although its static type cannot say so.
        var used = (await Published(consultation.Id).Select(x => x.SectionAnchor!).Distinct().ToListAsync(cancellation))
            .Select(a => (string?)a).ToHashSet();
        var current = consultation.CurrentVersion == 0 ? null
            : await session.LoadAsync<DraftVersion>(DraftVersion.IdOf(consultation.Id, consultation.CurrentVersion), cancellation);
        return [.. SectionGroups.InOrder(current?.Sections ?? [], used, everySection: false).Select(g => (g.Anchor, g.Label))];
    }

    /// <summary>The live sessions held on the consultation (started), folded from their streams.</summary>
    private async Task<List<DialogueSession>> Sessions(Guid consultationId, CancellationToken cancellation)
    {
        var ids = await session.Events.QueryRawEventDataOnly<SessionScheduled>().Where(e => e.ConsultationId == consultationId)
            .Select(e => e.SessionId).ToListAsync(cancellation);
        var held = new List<DialogueSession>();
        foreach (var id in ids.Distinct())
        {
            var events = await session.Events.FetchStreamAsync(id, token: cancellation);
            if (DialogueSession.Fold(events.Select(e => e.Data)) is { Status: not SessionStatus.Scheduled } folded) held.Add(folded);
        }
        return [.. held.OrderBy(s => s.StartsAt)];
    }

    private sealed record Counted(string AuthorUserName, Stance Stance);
}

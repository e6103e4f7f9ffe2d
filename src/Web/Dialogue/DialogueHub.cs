using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Dialogue.Asking;
using Nq45Consult.Consultation.Dialogue.Chatting;
using Nq45Consult.Consultation.Dialogue.Moderating;
using Nq45Consult.Consultation.Dialogue.Polling;
using Nq45Consult.Consultation.Dialogue.Running;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Dialogue;

/// <summary>
/// The live room, <c>/hubs/dialogue</c>. Every method checks on the server that the caller joined the
/// session (which checked they may take part) and leaves the rest to the session's decide functions;
/// a refusal reaches the caller as a <see cref="HubException"/> with its reason, and nothing is stored.
/// </summary>
[Authorize]
public sealed class DialogueHub(
    DialogueSessions sessions, DialogueBroadcaster broadcaster, Presence presence, IQuerySession query,
    ProfileAuthors profiles) : Hub
{
    private const string JoinedKey = "dialogue.joined";
    private const string PublicNameKey = "dialogue.public-name";

    private const string NoSession = "Không tìm thấy phiên đối thoại.";

    private DialogueOptions Limits => sessions.Options;

    [RateLimited(nameof(RateLimitOptions.JoinsPerUser), RateLimitScope.User)]
    public async Task<SessionSnapshot> Join(Guid sessionId)
    {
        var me = await Enter(sessionId);
        // Enter has already refused an unknown session.
        var snapshot = (await sessions.Current(sessionId, Context.ConnectionAborted))!;
        broadcaster.PresenceChanged(sessionId);
        return SessionSnapshot.Of(snapshot, me, await presence.Count(sessionId));
    }

    /// <summary>
    /// Every event after <paramref name="afterSeq"/> that the caller may see. A reconnected client has a
    /// new connection, so this also (re)enters the room, like <see cref="Join"/> without the snapshot.
    /// </summary>
    [RateLimited(nameof(RateLimitOptions.ResyncsPerConnection), RateLimitScope.Connection)]
    public async Task<IReadOnlyList<ClientEvent>> Resync(Guid sessionId, long afterSeq)
    {
        var me = Joined().Contains(sessionId) ? Me() : await Enter(sessionId);
        var changes = await sessions.Since(sessionId, afterSeq, Context.ConnectionAborted) ?? throw new HubException(NoSession);
        broadcaster.PresenceChanged(sessionId);
        return [.. changes.Where(c => c.IsVisibleTo(me)).Select(ClientEvents.From)];
    }

    [RateLimited(nameof(RateLimitOptions.QuestionsPerUser), RateLimitScope.User)]
    public Task<long> Ask(Guid sessionId, string text) => AskAbout(sessionId, text, null);

    /// <summary>Asks about a section of the draft (SignalR has no optional parameters, hence a second method).</summary>
    [RateLimited(nameof(RateLimitOptions.QuestionsPerUser), RateLimitScope.User)]
    public Task<long> AskAbout(Guid sessionId, string text, string? sectionAnchor)
    {
        var me = Member(sessionId);
        var command = new AskQuestion(Guid.CreateVersion7(), text, sectionAnchor);
        return Run(sessionId, (s, now) => AskQuestion.Decide(s, command, me, Limits, now));
    }

    [RateLimited(nameof(RateLimitOptions.UpvotesPerUser), RateLimitScope.User)]
    public Task<long> Upvote(Guid sessionId, Guid questionId)
    {
        var me = Member(sessionId);
        return Run(sessionId, (s, now) => ToggleUpvote.Decide(s, questionId, me, now));
    }

    [RateLimited(nameof(RateLimitOptions.MessagesPerUser), RateLimitScope.User)]
    public Task<long> Say(Guid sessionId, string text)
    {
        var me = Member(sessionId);
        var id = Guid.CreateVersion7();
        return Run(sessionId, (s, now) => SayMessage.Decide(s, id, text, me, Limits, now));
    }

    [RateLimited(nameof(RateLimitOptions.VotesPerUser), RateLimitScope.User)]
    public Task<long> Vote(Guid sessionId, Guid pollId, int optionIndex)
    {
        var me = Member(sessionId);
        return Run(sessionId, (s, now) => CastVote.Decide(s, pollId, optionIndex, me, now));
    }

    public Task<long> Approve(Guid sessionId, Guid questionId)
    {
        var me = Member(sessionId);
        return Run(sessionId, (s, now) => ApproveQuestion.Decide(s, questionId, me, now));
    }

    public Task<long> Reject(Guid sessionId, Guid questionId, string reason)
    {
        var me = Member(sessionId);
        return Run(sessionId, (s, now) => RejectQuestion.Decide(s, questionId, reason, me, Limits, now));
    }

    public Task<long> Answer(Guid sessionId, Guid questionId, string text)
    {
        var me = Member(sessionId);
        return Run(sessionId, (s, now) => AnswerQuestion.Decide(s, questionId, text, me, Limits, now));
    }

    public Task<long> Pin(Guid sessionId, Guid questionId)
    {
        var me = Member(sessionId);
        return Run(sessionId, (s, now) => PinQuestion.Decide(s, questionId, me, now));
    }

    /// <summary>The contract's three-argument call works too: <see cref="Shell.HubArgumentsProtocol"/> fills in <paramref name="multipleChoice"/>.</summary>
    public Task<long> OpenPoll(Guid sessionId, string question, string[] options, bool multipleChoice = false)
    {
        var me = Member(sessionId);
        var command = new OpenPoll(Guid.CreateVersion7(), question, options, multipleChoice);
        return Run(sessionId, (s, now) => Consultation.Dialogue.Polling.OpenPoll.Decide(s, command, me, Limits, now));
    }

    public Task<long> ClosePoll(Guid sessionId, Guid pollId)
    {
        var me = Member(sessionId);
        return Run(sessionId, (s, now) => Consultation.Dialogue.Polling.ClosePoll.Decide(s, pollId, me, now));
    }

    public Task<long> HideMessage(Guid sessionId, Guid messageId, string reason)
    {
        var me = Member(sessionId);
        return Run(sessionId, (s, now) => Consultation.Dialogue.Moderating.HideMessage.Decide(s, messageId, reason, me, Limits, now));
    }

    public Task<long> NextAgendaStep(Guid sessionId)
    {
        var me = Member(sessionId);
        return Run(sessionId, (s, now) => MoveToNextAgendaStep.Decide(s, me, now));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var session in Joined())
            if (await presence.Leave(session, Context.ConnectionId)) broadcaster.PresenceChanged(session);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Checks the caller may take part, then puts the connection in the session's groups.</summary>
    private async Task<Participant> Enter(Guid sessionId)
    {
        // What the person says is shown under the name their profile consents to, looked up once per connection.
        var signedIn = DialogueParticipant.From(Context.User!);
        Context.Items[PublicNameKey] = await profiles.PublicName(signedIn.UserName, signedIn.DisplayName, Context.ConnectionAborted);
        var me = Me();
        // Its consultation never changes, so what this node knew of the session is enough here.
        var current = await sessions.Known(sessionId, Context.ConnectionAborted) ?? throw new HubException(NoSession);
        var consultation = await query.LoadAsync<ConsultationDetails>(current.ConsultationId, Context.ConnectionAborted);
        if (consultation is null || !DialogueAccess.MayKnowOf(consultation, me)) throw new HubException(NoSession);
        if (!DialogueAccess.MayJoin(consultation, me)) throw new HubException("Bạn không thuộc danh sách tham gia phiên đối thoại này.");

        // Into the groups before any state is read: whatever is broadcast in between has a seq the
        // state read afterwards already covers, and clients ignore what is not newer than what they hold.
        await Groups.AddToGroupAsync(Context.ConnectionId, DialogueGroups.Room(sessionId));
        await Groups.AddToGroupAsync(Context.ConnectionId, DialogueGroups.Person(sessionId, me.UserName));
        if (me.IsModerator) await Groups.AddToGroupAsync(Context.ConnectionId, DialogueGroups.Moderators(sessionId));
        Joined().Add(sessionId);
        await presence.Enter(sessionId, Context.ConnectionId, me.UserName);
        return me;
    }

    /// <summary>Stores and broadcasts the decision; returns the session's seq after it.</summary>
    private async Task<long> Run(Guid sessionId, Func<DialogueSession, DateTimeOffset, Decision> decide)
    {
        var outcome = await sessions.Execute(sessionId, decide, broadcaster.Publish, Context.ConnectionAborted);
        if (!outcome.Decision.Accepted) throw new HubException(outcome.Decision.Reason);
        return outcome.Session!.Version;
    }

    private Participant Me() =>
        DialogueParticipant.From(Context.User!) is var me && Context.Items.TryGetValue(PublicNameKey, out var name) && name is string shown
            ? me with { DisplayName = shown }
            : me;

    private Participant Member(Guid sessionId) =>
        Joined().Contains(sessionId) ? Me() : throw new HubException("Hãy vào phòng (Join) trước khi thao tác.");

    private HashSet<Guid> Joined() =>
        (HashSet<Guid>)(Context.Items.TryGetValue(JoinedKey, out var joined) ? joined! : Context.Items[JoinedKey] = new HashSet<Guid>());
}

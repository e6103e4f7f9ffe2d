using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Dialogue.Asking;
using Nq45Consult.Consultation.Dialogue.Chatting;
using Nq45Consult.Consultation.Dialogue.Moderating;
using Nq45Consult.Consultation.Dialogue.Polling;
using Nq45Consult.Consultation.Dialogue.Running;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Dialogue;

/// <summary>
/// The live room, <c>/hubs/dialogue</c>. Every method checks on the server that the caller joined the
/// session (which checked they may take part) and leaves the rest to the use cases' handlers;
/// a refusal reaches the caller as a <see cref="HubException"/> with its reason, and nothing is stored.
/// </summary>
[Authorize]
public sealed class DialogueHub(
    DialogueQueries queries, DialogueBroadcaster broadcaster, Presence presence, ProfileAuthors profiles,
    AskQuestionHandler ask, ToggleUpvoteHandler upvote, SayMessageHandler say, CastVoteHandler vote,
    ApproveQuestionHandler approve, RejectQuestionHandler reject, AnswerQuestionHandler answer, PinQuestionHandler pin,
    OpenPollHandler openPoll, ClosePollHandler closePoll, HideMessageHandler hide, MoveToNextAgendaStepHandler nextStep) : Hub
{
    private const string JoinedKey = "dialogue.joined";
    private const string CallerKey = "dialogue.caller";
    private const string SpeakerKey = "dialogue.speaker";

    [RateLimited(nameof(RateLimitOptions.JoinsPerUser), RateLimitScope.User)]
    public async Task<SessionSnapshot> Join(Guid sessionId)
    {
        var (me, _) = await Enter(sessionId, replay: false);
        // Enter has already refused an unknown session.
        var snapshot = (await queries.Entered(sessionId, Context.ConnectionAborted))!;
        broadcaster.PresenceChanged(sessionId);
        return SessionSnapshot.Of(snapshot, me, await presence.Count(sessionId));
    }

    /// <summary>
    /// Every event after <paramref name="afterSeq"/> that the caller may see. A reconnected client has a
    /// new connection, so this also (re)enters the room, like <see cref="Join"/> without the snapshot; then only
    /// what was sent to the room before it entered is replayed, as everything later reaches it live (one node: each
    /// event once; behind a backplane everything up to now, and the client drops what it already holds by seq).
    /// </summary>
    [RateLimited(nameof(RateLimitOptions.ResyncsPerConnection), RateLimitScope.Connection)]
    public async Task<IReadOnlyList<ClientEvent>> Resync(Guid sessionId, long afterSeq)
    {
        var (me, sentBefore) = Joined().Contains(sessionId) ? (Me(), null) : await Enter(sessionId, replay: true);
        var changes = await queries.Since(sessionId, afterSeq, me, Context.ConnectionAborted) ?? throw new HubException(ApiText.Of(Context, "HubNoSession"));
        broadcaster.PresenceChanged(sessionId);
        return [.. changes.Where(c => c.Seq <= (sentBefore ?? long.MaxValue)).Select(ClientEvents.From)];
    }

    [RateLimited(nameof(RateLimitOptions.QuestionsPerUser), RateLimitScope.User)]
    public Task<long> Ask(Guid sessionId, string text) => AskAbout(sessionId, text, null);

    /// <summary>Asks about a section of the draft (SignalR has no optional parameters, hence a second method).</summary>
    [RateLimited(nameof(RateLimitOptions.QuestionsPerUser), RateLimitScope.User)]
    public async Task<long> AskAbout(Guid sessionId, string text, string? sectionAnchor) =>
        await Seq(ask.Handle(new AskQuestion(sessionId, Guid.CreateVersion7(), text, sectionAnchor, await Speaker(sessionId)), Context.ConnectionAborted));

    [RateLimited(nameof(RateLimitOptions.UpvotesPerUser), RateLimitScope.User)]
    public Task<long> Upvote(Guid sessionId, Guid questionId) =>
        Seq(upvote.Handle(new ToggleUpvote(sessionId, questionId, Member(sessionId)), Context.ConnectionAborted));

    [RateLimited(nameof(RateLimitOptions.MessagesPerUser), RateLimitScope.User)]
    public async Task<long> Say(Guid sessionId, string text) =>
        await Seq(say.Handle(new SayMessage(sessionId, Guid.CreateVersion7(), text, await Speaker(sessionId)), Context.ConnectionAborted));

    [RateLimited(nameof(RateLimitOptions.VotesPerUser), RateLimitScope.User)]
    public Task<long> Vote(Guid sessionId, Guid pollId, int optionIndex) =>
        Seq(vote.Handle(new CastVote(sessionId, pollId, optionIndex, Member(sessionId)), Context.ConnectionAborted));

    public Task<long> Approve(Guid sessionId, Guid questionId) =>
        Seq(approve.Handle(new ApproveQuestion(sessionId, questionId, Member(sessionId)), Context.ConnectionAborted));

    public Task<long> Reject(Guid sessionId, Guid questionId, string reason) =>
        Seq(reject.Handle(new RejectQuestion(sessionId, questionId, reason, Member(sessionId)), Context.ConnectionAborted));

    public async Task<long> Answer(Guid sessionId, Guid questionId, string text) =>
        await Seq(answer.Handle(new AnswerQuestion(sessionId, questionId, text, await Speaker(sessionId)), Context.ConnectionAborted));

    public Task<long> Pin(Guid sessionId, Guid questionId) =>
        Seq(pin.Handle(new PinQuestion(sessionId, questionId, Member(sessionId)), Context.ConnectionAborted));

    /// <summary>The contract's three-argument call works too: <see cref="Shell.HubArgumentsProtocol"/> fills in <paramref name="multipleChoice"/>.</summary>
    public Task<long> OpenPoll(Guid sessionId, string question, string[] options, bool multipleChoice = false) =>
        Seq(openPoll.Handle(
            new Consultation.Dialogue.Polling.OpenPoll(sessionId, Guid.CreateVersion7(), question, options, multipleChoice, Member(sessionId)),
            Context.ConnectionAborted));

    public Task<long> ClosePoll(Guid sessionId, Guid pollId) =>
        Seq(closePoll.Handle(new Consultation.Dialogue.Polling.ClosePoll(sessionId, pollId, Member(sessionId)), Context.ConnectionAborted));

    public Task<long> HideMessage(Guid sessionId, Guid messageId, string reason) =>
        Seq(hide.Handle(new Consultation.Dialogue.Moderating.HideMessage(sessionId, messageId, reason, Member(sessionId)), Context.ConnectionAborted));

    public Task<long> NextAgendaStep(Guid sessionId) =>
        Seq(nextStep.Handle(new MoveToNextAgendaStep(sessionId, Member(sessionId)), Context.ConnectionAborted));

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var session in Joined())
            if (await presence.Leave(session, Context.ConnectionId)) broadcaster.PresenceChanged(session);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Checks the caller may take part, then puts the connection in the session's groups; for a <paramref name="replay"/>,
    /// with the seq of the last change sent to the room before (<see cref="DialogueBroadcaster.Admit"/>).
    /// </summary>
    private async Task<(Caller Me, long? SentBefore)> Enter(Guid sessionId, bool replay)
    {
        var me = Me();
        // Its consultation never changes, so what this node knew of the session is enough here.
        var (known, _, admitted) = await queries.Known(sessionId, me, Context.ConnectionAborted);
        if (known is null) throw new HubException(ApiText.Of(Context, "HubNoSession"));
        if (admitted is null) throw new HubException(ApiText.Of(Context, "HubNotAdmitted"));

        // Into the groups before any state is read: whatever is broadcast in between has a seq the
        // state read afterwards already covers, and clients ignore what is not newer than what they hold.
        async Task JoinGroups()
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, DialogueGroups.Room(sessionId));
            await Groups.AddToGroupAsync(Context.ConnectionId, DialogueGroups.Person(sessionId, me.UserName));
            if (me.IsModerator) await Groups.AddToGroupAsync(Context.ConnectionId, DialogueGroups.Moderators(sessionId));
        }
        // Only a replay needs the seq, and waiting for a broadcast under way would slow every join of a full room.
        long? sentBefore = null;
        if (replay) sentBefore = await broadcaster.Admit(sessionId, JoinGroups);
        else await JoinGroups();
        Joined().Add(sessionId);
        await presence.Enter(sessionId, Context.ConnectionId, me.UserName);
        return (me, sentBefore);
    }

    /// <summary>The session's seq after the command (stored and broadcast by then); a refusal reaches the caller with its reason.</summary>
    private static async Task<long> Seq(Task<DialogueOutcome> handled)
    {
        var outcome = await handled;
        if (!outcome.Decision.Accepted) throw new HubException(outcome.Decision.Reason);
        return outcome.Session!.Version;
    }

    /// <summary>The caller as signed in: a connection keeps the identity it was opened with (<see cref="HubSessionCheck"/>), so it is read once.</summary>
    private Caller Me() =>
        (Caller)(Context.Items.TryGetValue(CallerKey, out var me) ? me! : Context.Items[CallerKey] = CallerClaims.From(Context.User!)!);

    private Caller Member(Guid sessionId) =>
        Joined().Contains(sessionId) ? Me() : throw new HubException(ApiText.Of(Context, "HubJoinFirst"));

    /// <summary>
    /// A member whose words others will read, under the name their profile consents to: looked up at their first words
    /// on the connection rather than at every join, since most of a full hall listens and votes without a word.
    /// </summary>
    private async Task<Caller> Speaker(Guid sessionId)
    {
        var member = Member(sessionId);
        if (!Context.Items.TryGetValue(SpeakerKey, out var speaker))
            Context.Items[SpeakerKey] = speaker = member with
            {
                DisplayName = await profiles.PublicName(member.UserName, member.DisplayName, Context.ConnectionAborted),
            };
        return (Caller)speaker!;
    }

    private HashSet<Guid> Joined() =>
        (HashSet<Guid>)(Context.Items.TryGetValue(JoinedKey, out var joined) ? joined! : Context.Items[JoinedKey] = new HashSet<Guid>());
}

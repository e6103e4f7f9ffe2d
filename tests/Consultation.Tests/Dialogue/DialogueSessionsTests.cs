using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Dialogue.Asking;
using Nq45Consult.Consultation.Dialogue.Running;
using Nq45Consult.Consultation.Storage;
using Nq45Consult.TestSupport;
using static Nq45Consult.Consultation.Tests.Dialogue.ARoom;

namespace Nq45Consult.Consultation.Tests.Dialogue;

/// <summary>The writer against a real PostgreSQL: two writers stand for two app nodes sharing one stream.</summary>
public sealed class DialogueSessionsTests : IAsyncLifetime
{
    private ServiceProvider services = null!;
    private IDocumentStore store = null!;

    public async Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddConsultation(TestCluster.CreateDatabase("dialogue"), new StorageOptions { RunProjectionDaemon = false });
        services = collection.BuildServiceProvider();
        store = services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static readonly IOptions<DialogueOptions> Limits = Microsoft.Extensions.Options.Options.Create(ARoom.Options);

    private DialogueSessions ANode(params ISessionCommitListener[] listeners) => new(store, TimeProvider.System, Limits, listeners);

    private async Task<Guid> ALiveSession(DialogueSessions node)
    {
        var id = Guid.CreateVersion7();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<DialogueSession>(id, new SessionScheduled(id, Guid.CreateVersion7(), "Phiên thử", Now, [], false, "moderator", Now));
            await session.SaveChangesAsync();
        }
        Assert.True((await node.Execute(id, (s, now) => StartSession.Decide(s, new(id, Moderator), now))).Decision.Accepted);
        return id;
    }

    /// <summary>Records the seq of every change the node it listens to has committed.</summary>
    private sealed class Published : ISessionCommitListener
    {
        public readonly System.Collections.Concurrent.ConcurrentBag<long> Seqs = [];

        public Task AfterCommit(IReadOnlyList<SessionChange> changes)
        {
            foreach (var change in changes) Seqs.Add(change.Seq);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Refused_actions_store_nothing_and_unknown_sessions_are_not_found()
    {
        var node = ANode();
        var id = await ALiveSession(node);
        var refused = await node.Execute(id, (s, now) => AskQuestion.Decide(s, new AskQuestion(id, Guid.NewGuid(), "", null, Expert), ARoom.Options, now));
        Assert.Equal(Refusal.Invalid, refused.Decision.Refusal);
        Assert.Equal(2, (await node.Current(id))!.Version);
        var unknown = Guid.NewGuid();
        var missing = await node.Execute(unknown, (s, now) => StartSession.Decide(s, new(unknown, Moderator), now));
        Assert.Equal(Refusal.NotFound, missing.Decision.Refusal);
        Assert.Null(missing.Session);
    }

    [Fact]
    public async Task Concurrent_upvotes_from_two_nodes_are_all_counted_in_one_gapless_order()
    {
        var published = new Published();
        var (a, b) = (ANode(published), ANode(published));
        var id = await ALiveSession(a);
        var question = Guid.CreateVersion7();
        await a.Execute(id, (s, now) => AskQuestion.Decide(s, new AskQuestion(id, question, "Hỏi?", null, Expert), ARoom.Options, now));
        published.Seqs.Clear();

        var voters = Enumerable.Range(0, 60).Select(i => Expert with { UserName = $"voter{i}" }).ToList();
        await Task.WhenAll(voters.Select((voter, i) => Task.Run(() =>
            (i % 2 == 0 ? a : b).Execute(id, (s, now) => ToggleUpvote.Decide(s, new(id, question, voter), now)))));

        var fromA = await a.Current(id);
        var fromB = await b.Current(id);
        Assert.Equal(60, fromA!.Questions[question].Votes);
        Assert.Equal(fromA.Version, fromB!.Version);
        Assert.Equal(63, fromA.Version);
        Assert.Equal(Enumerable.Range(4, 60).Select(v => (long)v), published.Seqs.Order());
        var replay = await a.Since(id, 3);
        Assert.Equal(60, replay!.Count);
        Assert.Equal(60, replay[^1].After.Questions[question].Votes);
    }

    [Fact]
    public async Task A_node_that_has_not_seen_a_question_asked_on_another_node_still_takes_its_upvote()
    {
        var (a, b) = (ANode(), ANode());
        var id = await ALiveSession(a);
        Assert.NotNull(await b.Current(id));
        var question = Guid.CreateVersion7();
        Assert.True((await a.Execute(id, (s, now) => AskQuestion.Decide(s, new AskQuestion(id, question, "Hỏi?", null, Expert), ARoom.Options, now))).Decision.Accepted);

        var upvote = await b.Execute(id, (s, now) => ToggleUpvote.Decide(s, new(id, question, Expert with { UserName = "voter" }), now));

        Assert.True(upvote.Decision.Accepted, upvote.Decision.Reason);
        Assert.Equal(1, (await a.Current(id))!.Questions[question].Votes);
        var unknown = await b.Execute(id, (s, now) => ToggleUpvote.Decide(s, new(id, Guid.NewGuid(), Expert), now));
        Assert.Equal(Refusal.NotFound, unknown.Decision.Refusal);
    }
}

using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>
/// Hub calls as api-v1.md writes them, over real WebSockets: <c>OpenPoll(sessionId, question, options)</c> with three
/// arguments (the C# method has a fourth, optional one), and arguments of the wrong type or too few answered with a
/// <see cref="HubException"/> naming the method, after which the connection still works.
/// </summary>
public class HubArgumentsTests(LiveRoomApp app) : IClassFixture<LiveRoomApp>
{
    private async Task<RoomClient> In(Guid session, string user) => await RoomClient.Join(await app.Connect(user), session);

    [Fact]
    public async Task OpenPoll_with_the_contracts_three_arguments_opens_a_single_choice_poll_and_four_still_work()
    {
        var session = await app.ASession();
        await using var moderator = await In(session, "moderator");
        await using var expert = await In(session, "expert1");

        var single = await moderator.Invoke("OpenPoll", "Đồng ý kéo dài?", new[] { "Có", "Không" });
        var multiple = await moderator.Invoke("OpenPoll", "Chọn các mục", new[] { "A", "B", "C" }, true);

        await expert.Reached(multiple);
        var polls = expert.Polls.Values.OrderBy(p => p.Seq).Select(p => p.Poll).ToList();
        Assert.Equal([("Đồng ý kéo dài?", false, single), ("Chọn các mục", true, multiple)],
            polls.Select(p => (p.Question, p.MultipleChoice, p.OpenedSeq)));
    }

    [Fact]
    public async Task Arguments_of_the_wrong_type_or_too_few_get_a_HubException_naming_the_method_and_the_connection_goes_on()
    {
        var session = await app.ASession();
        await using var moderator = await In(session, "moderator");
        var poll = await moderator.Invoke("OpenPoll", "Phương án?", new[] { "a", "b" });
        await moderator.Until(() => moderator.Polls.Count == 1, what: "The poll never reached its moderator.");
        var pollId = moderator.Polls.Keys.Single();

        foreach (var (method, args) in new (string, object?[])[]
        {
            ("Vote", [session, pollId, "phương án đầu"]),
            ("Vote", [session, "not-a-guid", 0]),
            ("Ask", [new { id = 1 }, "Câu hỏi?"]),
            ("OpenPoll", [session, "Chỉ có câu hỏi"]),
            ("Say", [session]),
        })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => moderator.Connection.InvokeCoreAsync<long>(method, args));
            Assert.Contains($"Các đối số gửi cho {method} bị thiếu hoặc không đúng kiểu.", refused.Message);
        }
        Assert.Contains("Method does not exist", (await Assert.ThrowsAsync<HubException>(
            () => moderator.Connection.InvokeCoreAsync<long>("NoSuchMethod", [session]))).Message);

        var said = await moderator.Invoke("Say", "Vẫn nói được");
        Assert.True(said > poll);
    }
}

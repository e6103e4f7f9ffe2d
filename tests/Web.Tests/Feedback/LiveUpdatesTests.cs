using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>A viewer of the consultation page, over a real SignalR connection, sees another expert's submission.</summary>
public class LiveUpdatesTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private HubConnection Viewer() => new HubConnectionBuilder()
        .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/consultation"), options =>
        {
            options.SkipNegotiation = true;
            options.Transports = HttpTransportType.WebSockets;
            options.WebSocketFactory = async (context, cancellation) =>
                await app.Server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellation);
        })
        .Build();

    [Fact]
    public async Task A_second_viewer_sees_the_counter_change_and_the_new_item_without_its_anonymous_author()
    {
        var (consultation, sections) = await app.Consultation();
        var (other, _) = await app.Consultation();
        await using var viewer = Viewer();
        var counters = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var item = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var foreign = 0;
        viewer.On<JsonElement>("countersChanged", e =>
        {
            if (e.GetProperty("consultationId").GetGuid() == consultation) counters.TrySetResult(e);
            else Interlocked.Increment(ref foreign);
        });
        viewer.On<JsonElement>("feedbackChanged", e => item.TrySetResult(e));
        await viewer.StartAsync();
        await viewer.InvokeAsync("Watch", consultation);

        var expert = await app.As("expert2");
        (await expert.PostAsJsonAsync($"/api/consultations/{other}/feedback", FeedbackFixture.Feedback(sections[0].Anchor))).EnsureSuccessStatusCode();
        (await expert.PostAsJsonAsync($"/api/consultations/{consultation}/feedback",
            FeedbackFixture.Feedback(sections[0].Anchor, attribution: "anonymous"))).EnsureSuccessStatusCode();

        var summary = (await counters.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("totals").GetProperty("feedback").GetInt32());
        var section = summary.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("anchor").GetString() == sections[0].Anchor);
        Assert.Equal(1, section.GetProperty("feedback").GetInt32());
        var pushed = await item.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Ẩn danh", pushed.GetProperty("item").GetProperty("authorName").GetString());
        Assert.DoesNotContain("expert2", pushed.GetRawText());
        Assert.Equal(0, foreign);
    }
}

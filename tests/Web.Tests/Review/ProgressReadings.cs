using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Review;

public sealed record ProgressReading(string Token, int Written, int Total);

/// <summary>The <c>exportProgress</c> readings a person's connection to <c>/hubs/notifications</c> receives.</summary>
public sealed class ProgressReadings : IAsyncDisposable
{
    private readonly ConcurrentQueue<ProgressReading> received = new();
    private HubConnection connection = null!;

    public static async Task<ProgressReadings> Of(FeedbackFixture app, string userName)
    {
        var readings = new ProgressReadings();
        readings.connection = await app.NotificationsHub(userName, c => c.On<JsonElement>("exportProgress", e => readings.received.Enqueue(
            new(e.GetProperty("token").GetString()!, e.GetProperty("written").GetInt32(), e.GetProperty("total").GetInt32()))));
        return readings;
    }

    public IReadOnlyList<ProgressReading> Received => [.. received];

    /// <summary>The readings once one says <paramref name="rows"/> were written (the test fails if none does within 30 s).</summary>
    public async Task<IReadOnlyList<ProgressReading>> UntilWritten(int rows)
    {
        using var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!received.Any(r => r.Written == rows)) await Task.Delay(20, waiting.Token);
        return Received;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

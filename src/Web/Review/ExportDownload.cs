using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Nq45Consult.Consultation.Review.Reporting;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Notifications;

namespace Nq45Consult.Web.Review;

/// <summary>
/// A report download: written to a temporary file (deleted once sent, so memory stays flat however large), then
/// streamed. With <c>?progress={token}</c> (a random token the page chose) the preparation's progress goes to the
/// requester's connections on <c>/hubs/notifications</c> as <see cref="ProgressMessage"/> (see <see cref="ExportProgressPush"/>).
/// </summary>
public static partial class ExportDownload
{
    public const string ProgressMessage = "exportProgress";

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex TokenShape();

    public static Task<IResult> Send(
        HttpContext http, string? progressToken, string contentType, string fileName,
        Func<Stream, IProgress<ExportProgress>?, CancellationToken, Task> write, CancellationToken cancellation) =>
        Send(http, progressToken, contentType, fileName, async (file, pushed, token) =>
        {
            await write(file, pushed, token);
            return null;
        }, cancellation);

    /// <summary>As above, for a writer that may answer something else instead (a PDF renderer that is unavailable: 503).</summary>
    public static async Task<IResult> Send(
        HttpContext http, string? progressToken, string contentType, string fileName,
        Func<Stream, IProgress<ExportProgress>?, CancellationToken, Task<IResult?>> write, CancellationToken cancellation)
    {
        if (progressToken is not null && !TokenShape().IsMatch(progressToken))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["progress"] = [ApiText.Of("ApiProgressToken")] });
        var push = progressToken is not null && CallerClaims.From(http.User) is { } user
            ? new ExportProgressPush(http.RequestServices.GetRequiredService<IHubContext<NotificationsHub>>(), user.UserName, progressToken,
                http.RequestServices.GetRequiredService<ILogger<ExportProgressPush>>())
            : null;
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"nq45-report-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            if (await write(file, push, cancellation) is { } instead)
            {
                await file.DisposeAsync();
                return instead;
            }
            await file.FlushAsync(cancellation);
            file.Position = 0;
            // The last reading is on its way before the download starts.
            if (push is not null) await push.Sent;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        // The file result disposes the stream after sending, which deletes the file.
        return TypedResults.File(file, contentType, fileName);
    }
}

/// <summary>What the page receives: its token, rows written and the total counted before writing.</summary>
public sealed record ExportProgressed(string Token, int Written, int Total);

/// <summary>
/// Sends an export's progress to the requester's group of the notifications hub (every node's connections of that
/// person, through the Redis backplane when there is one): at the start and at each whole percent, so a report of
/// 100,000 rows sends about a hundred messages. Sends are chained so readings arrive in order, and never fail the export.
/// </summary>
public sealed class ExportProgressPush(IHubContext<NotificationsHub> hub, string userName, string token, ILogger<ExportProgressPush> logger)
    : IProgress<ExportProgress>
{
    private int sentPercent = -1;

    /// <summary>Completes when every reading reported so far has been handed to SignalR.</summary>
    public Task Sent { get; private set; } = Task.CompletedTask;

    public void Report(ExportProgress value)
    {
        var percent = value.Total == 0 ? 100 : (int)(100L * Math.Min(value.Written, value.Total) / value.Total);
        if (percent == sentPercent) return;
        sentPercent = percent;
        Sent = After(Sent, new ExportProgressed(token, value.Written, value.Total));
    }

    private async Task After(Task previous, ExportProgressed reading)
    {
        await previous;
        try
        {
            await hub.Clients.Group(NotificationsHub.GroupOf(userName)).SendAsync(ExportDownload.ProgressMessage, reading);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Sending export progress to {UserName} failed", userName);
        }
    }
}

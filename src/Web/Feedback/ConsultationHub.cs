using Microsoft.AspNetCore.SignalR;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Feedback;

/// <summary>
/// Live updates for the viewers of a consultation page: one group per consultation. Viewers only listen;
/// every change goes through the HTTP API. Server → client: <c>countersChanged</c> (a <see cref="SummaryView"/>
/// with its consultation id), <c>feedbackChanged</c> (a public <see cref="FeedbackView"/>, or its id when it left public view).
/// </summary>
public sealed class ConsultationHub : Hub
{
    public const string Path = "/hubs/consultation";

    public static string GroupOf(Guid consultationId) => $"consultation:{consultationId:N}";

    [RateLimited(nameof(RateLimitOptions.WatchesPerConnection), RateLimitScope.Connection)]
    public Task Watch(Guid consultationId) => Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(consultationId));

    public Task Unwatch(Guid consultationId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(consultationId));
}

public sealed record CountersChanged(Guid ConsultationId, SummaryView Summary);

/// <summary>An item changed; <see cref="Item"/> is null when it is no longer public (withdrawn or hidden).</summary>
public sealed record FeedbackChanged(Guid ConsultationId, Guid Id, FeedbackView? Item);

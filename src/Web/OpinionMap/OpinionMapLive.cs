using Microsoft.AspNetCore.SignalR;
using Nq45Consult.Consultation.OpinionMap;
using Nq45Consult.Consultation.OpinionMap.Mapping;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.OpinionMap;

/// <summary>
/// Tells the consultation's watchers (<see cref="ConsultationHub"/>) that its map was recomputed. The message carries
/// only the consultation's id and the time: pages fetch the map over the API, which checks who may see it.
/// </summary>
public sealed class OpinionMapLive(OpinionMapRecomputer recomputer, IHubContext<ConsultationHub> hub, ILogger<OpinionMapLive> logger) : IHostedService
{
    public const string Message = "opinionMapChanged";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recomputer.Recomputed += Push;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        recomputer.Recomputed -= Push;
        return Task.CompletedTask;
    }

    private async void Push(OpinionMapSnapshot snapshot)
    {
        try
        {
            await hub.Clients.Group(ConsultationHub.GroupOf(snapshot.Id)).SendAsync(Message, new OpinionMapChanged(snapshot.Id, snapshot.ComputedAt));
        }
        catch (Exception e)
        {
            // A lost push loses nothing: the page reads the map over the API.
            logger.LogWarning(e, "Pushing the opinion map of {ConsultationId} failed", snapshot.Id);
        }
    }
}

public sealed record OpinionMapChanged(Guid ConsultationId, DateTimeOffset ComputedAt);

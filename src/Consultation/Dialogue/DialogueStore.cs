using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>Marten configuration of dialogue sessions: events only; state is folded from the stream in memory.</summary>
public static class DialogueStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddDialogueStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options) => options.Events.AddEventTypes(DialogueSession.EventTypes);
}

using Marten;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>Marten configuration of dialogue sessions: events only; state is folded from the stream in memory.</summary>
public static class DialogueStore
{
    public static void Configure(StoreOptions options) => options.Events.AddEventTypes(DialogueSession.EventTypes);
}

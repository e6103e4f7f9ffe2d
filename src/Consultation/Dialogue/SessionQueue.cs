using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>A session's queue of commands and what this node knows of its state; only the queue's drain loop touches the state.</summary>
internal sealed class SessionQueue
{
    public GroupCommit<QueuedCommand, DialogueOutcome> Commits = null!;
    public DialogueSession? State;
}

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>
/// A command waiting in its session's queue, as the decision it asks for; <see cref="CatchUpFirst"/>: it needs
/// what other nodes stored, not just this node's state.
/// </summary>
internal sealed record QueuedCommand(Func<DialogueSession, DateTimeOffset, Decision> Decide, bool CatchUpFirst);

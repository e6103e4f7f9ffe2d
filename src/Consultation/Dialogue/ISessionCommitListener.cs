namespace Nq45Consult.Consultation.Dialogue;

/// <summary>
/// Told of a session's changes once they are stored: once per committed batch, in stream order, before the
/// session's next batch is decided. The one way post-commit effects (the room's live pushes) learn of them.
/// </summary>
public interface ISessionCommitListener
{
    Task AfterCommit(IReadOnlyList<SessionChange> changes);
}

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>What became of a command: the decision, the session after it (null: no such session), the stored changes.</summary>
public sealed record DialogueOutcome(Decision Decision, DialogueSession? Session, IReadOnlyList<SessionChange> Changes)
{
    public static DialogueOutcome NoSession => new(Decision.NotFound(DomainText.SessionNotFound), null, []);
}

using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>
/// A session for reading by someone who may take part in it (who may then read it).
/// <see cref="Session"/> null: no such session, or none the caller may know of; <see cref="Me"/> null: the caller may not.
/// </summary>
public sealed record ReadableSession(DialogueSession? Session, ConsultationDetails? Consultation, Caller? Me)
{
    public static readonly ReadableSession Unknown = new(null, null, null);
}

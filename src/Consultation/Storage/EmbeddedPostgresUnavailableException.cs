namespace Nq45Consult.Consultation.Storage;

/// <summary>The embedded cluster cannot be started; the message says what to install or configure.</summary>
public sealed class EmbeddedPostgresUnavailableException(string message) : Exception(message);

using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>
/// The sessions of a consultation for a caller. <see cref="Consultation"/> null: no such consultation, or none
/// whose sessions the caller may know of; <see cref="Sessions"/> null: the caller may not take part in them.
/// </summary>
public sealed record ConsultationSessions(ConsultationDetails? Consultation, IReadOnlyList<SessionListing>? Sessions);

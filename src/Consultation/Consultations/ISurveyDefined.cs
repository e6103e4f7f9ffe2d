namespace Nq45Consult.Consultation.Consultations;

/// <summary>
/// An event another capability appends to a consultation's stream to say it has a survey (Surveys/ defines it): with
/// one, a consultation may open without a draft. Consultations knows only this, so it depends on no capability above it.
/// </summary>
public interface ISurveyDefined
{
    Guid ConsultationId { get; }
}

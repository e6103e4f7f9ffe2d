namespace Nq45Consult.Consultation.Consultations;

/// <summary>Where a consultation is in its life: draft → open → closed → responded.</summary>
public enum ConsultationStatus
{
    Draft,
    Open,
    Closed,
    Responded,
}

/// <summary>Who may take part: every expert, or only those invited.</summary>
public enum Audience
{
    Public,
    Invited,
}

/// <summary>The kind of document put to consultation; minimum periods differ by kind.</summary>
public enum DocumentType
{
    Plan,
    Policy,
    LegalDocument,
    Scheme,
}

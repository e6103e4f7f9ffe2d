namespace Nq45Consult.Consultation.Drafts.Importing;

/// <summary>Written in front matter as plan, policy, legal-document or scheme.</summary>
public enum DraftDocumentType
{
    Plan,
    Policy,
    LegalDocument,
    Scheme,
}

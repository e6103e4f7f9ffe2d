namespace Nq45Consult.Consultation.Drafts.Importing;

/// <summary>Who may comment: everyone, or only the experts invited to the consultation.</summary>
public enum DraftAudience
{
    Public,
    Invited,
}

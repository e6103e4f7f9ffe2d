namespace Nq45Consult.Consultation.Drafts.Diffing;

public enum WordChangeKind
{
    Unchanged,
    Inserted,
    Deleted,
}

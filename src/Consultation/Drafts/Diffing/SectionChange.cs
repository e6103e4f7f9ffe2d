namespace Nq45Consult.Consultation.Drafts.Diffing;

/// <summary>What happened to a section between two versions of a draft.</summary>
public enum SectionChange
{
    Added,
    Removed,
    Changed,
    Unchanged,
}

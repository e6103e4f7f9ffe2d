namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>Which bound a draft exceeded; lets callers pick a status (payload too large vs. bad request).</summary>
public enum DraftLimit
{
    MarkdownBytes,
    SectionCount,
}

namespace Nq45Consult.Consultation.Drafts.Reading;

/// <summary>How a draft's text is written.</summary>
public enum DraftFormat
{
    /// <summary>Markdown, parsed as written.</summary>
    Markdown,
    /// <summary>Plain text as agencies paste it: one line per heading, clause or point.</summary>
    PlainText,
}

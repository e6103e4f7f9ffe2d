namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>
/// The frame of a legal document, shown around its sections but not commentable: the header block
/// (national name and motto, issuing body, number, place and date, title), the preamble ("Căn cứ…")
/// and the closing (adoption formula, Nơi nhận, position, signer). Each part is sanitized HTML, empty when absent.
/// </summary>
public sealed record DraftFrame(string HeaderHtml, string PreambleHtml, string ClosingHtml)
{
    public static readonly DraftFrame None = new("", "", "");

    public bool IsEmpty => HeaderHtml.Length == 0 && PreambleHtml.Length == 0 && ClosingHtml.Length == 0;
}

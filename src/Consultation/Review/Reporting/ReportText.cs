using System.Text;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>
/// Feedback is stored exactly as written, control characters included; XML 1.0 (DOCX, XLSX) cannot hold
/// most of them, so the document formats drop them rather than fail the whole export.
/// </summary>
public static class ReportText
{
    public static string ForXml(string text)
    {
        if (text.All(IsXmlChar)) return text;
        var clean = new StringBuilder(text.Length);
        foreach (var c in text) if (IsXmlChar(c)) clean.Append(c);
        return clean.ToString();
    }

    // Surrogate pairs were checked on the way in (TextRules); here only the C0 controls XML forbids.
    private static bool IsXmlChar(char c) => c >= ' ' || c is '\t' or '\n' or '\r';
}

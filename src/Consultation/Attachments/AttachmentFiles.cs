using System.IO.Compression;
using System.Text;

namespace Nq45Consult.Consultation.Attachments;

/// <summary>What a file is, read from its bytes (a renamed executable or HTML page is neither), and a name safe to serve.</summary>
public static class AttachmentFiles
{
    public const int MaxNameLength = 150;

    private const string WordMainPart = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>PDF by its header, DOCX by being a ZIP holding the main document part declared with its content type; else null.</summary>
    public static AttachmentType? TypeOf(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8)) return AttachmentType.Pdf;
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is null || zip.GetEntry("[Content_Types].xml") is not { } types) return null;
            // The declaration is a few KB; a larger one is not Word's.
            if (types.Length > 256 * 1024) return null;
            using var reader = new StreamReader(types.Open(), Encoding.UTF8);
            return reader.ReadToEnd().Contains(WordMainPart, StringComparison.Ordinal) ? AttachmentType.Docx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// The name without any folder, control or reserved character, at most <see cref="MaxNameLength"/> characters, ending
    /// in the extension of its real type (a "report.html" that is a PDF is served as "report.html.pdf").
    /// </summary>
    public static string SafeName(string? name, AttachmentType type)
    {
        var extension = type == AttachmentType.Pdf ? ".pdf" : ".docx";
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var kept = new StringBuilder();
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || "<>:\"|?*;".Contains(c, StringComparison.Ordinal) || char.IsSurrogate(c)) continue;
            kept.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        var tidy = kept.ToString().Trim().Trim('.').Trim();
        if (tidy.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) tidy = tidy[..^extension.Length].TrimEnd();
        if (tidy.Length == 0) tidy = "tep-dinh-kem";
        if (tidy.Length > MaxNameLength - extension.Length) tidy = tidy[..(MaxNameLength - extension.Length)].TrimEnd();
        return tidy + extension;
    }
}

using System.IO.Compression;
using System.Text;
using Nq45Consult.Consultation.Drafts.Parsing;
using Nq45Consult.Consultation.Drafts.Reading;

namespace Nq45Consult.Consultation.Consultations.Publishing;

/// <summary>
/// A draft uploaded as a file, accepted by its name, its declared type and its content: a .docx must be
/// a zip holding <c>word/document.xml</c>; .md and .txt must be UTF-8 text without control bytes.
/// </summary>
public static class DraftUpload
{
    public static readonly IReadOnlyList<string> Extensions = [".docx", ".md", ".markdown", ".txt"];

    /// <summary>A Word file is a compressed package: room for a long law with its styles and numbering.</summary>
    public const int MaxDocxBytes = 10 * 1024 * 1024;

    /// <summary>The most a file may have, whatever its kind; reading stops one byte past it.</summary>
    public const int MaxBytes = MaxDocxBytes;

    /// <summary>Types browsers send for such files; many send no type or octet-stream for <c>.md</c> and <c>.docx</c>.</summary>
    private static readonly string[] TextTypes = ["text/markdown", "text/x-markdown", "text/plain", "application/octet-stream", ""];

    private static readonly string[] WordTypes = ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip", "application/octet-stream", ""];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The draft the file holds, or a refusal naming <paramref name="field"/>.</summary>
    public static (DraftReading? Draft, Decision? Refusal) Read(string fileName, string? contentType, byte[] content, string field)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!Extensions.Contains(extension) || !(extension == ".docx" ? WordTypes : TextTypes).Contains(type))
            return (null, Decision.Invalid(field, DomainText.DraftFileWrongType(string.Join(", ", Extensions), fileName)));
        if (content.Length == 0)
            return (null, Decision.Invalid(field, DomainText.DraftFileEmpty(fileName)));
        if (extension == ".docx") return ReadDocx(fileName, content, field);
        if (content.Length > DraftLimits.MaxMarkdownBytes)
            return (null, Decision.Oversized(field, DomainText.DraftTextFileTooLarge(DraftLimits.MaxMarkdownBytes / 1024 / 1024)));
        string text;
        try
        {
            text = StrictUtf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, NotText(fileName, field));
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
            return (null, NotText(fileName, field));
        return (DraftReader.FromText(text, extension == ".txt" ? DraftFormat.PlainText : DraftFormat.Markdown), null);
    }

    private static (DraftReading?, Decision?) ReadDocx(string fileName, byte[] content, string field)
    {
        if (content.Length > MaxDocxBytes)
            return (null, Decision.Oversized(field, DomainText.DraftWordFileTooLarge(MaxDocxBytes / 1024 / 1024)));
        if (!IsWordPackage(content))
            return (null, Decision.Invalid(field, DomainText.DraftFileNotWord(fileName)));
        try
        {
            return (DraftReader.FromDocx(content, field), null);
        }
        catch (DraftInvalidException e)
        {
            return (null, Decision.Invalid(e.Field, e.Message));
        }
    }

    /// <summary>A .docx is a zip package whose main part is <c>word/document.xml</c>.</summary>
    private static bool IsWordPackage(byte[] content)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>No file was sent.</summary>
    public static Decision Missing(string field) =>
        Decision.Invalid(field, DomainText.DraftFileMissing(string.Join(", ", Extensions), field));

    private static Decision NotText(string fileName, string field) =>
        Decision.Invalid(field, DomainText.DraftFileNotText(fileName));
}

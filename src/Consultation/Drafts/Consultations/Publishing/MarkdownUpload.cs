using System.Text;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Consultations.Publishing;

/// <summary>
/// A draft uploaded as a file: accepted only when it is Markdown or plain text by its name, its declared
/// type and its content (valid UTF-8 without control bytes), within the draft size limit.
/// </summary>
public static class MarkdownUpload
{
    public const string Field = "upload";

    public static readonly IReadOnlyList<string> Extensions = [".md", ".markdown", ".txt"];

    /// <summary>Types browsers send for such files; many send no type or octet-stream for <c>.md</c>.</summary>
    private static readonly string[] ContentTypes = ["text/markdown", "text/x-markdown", "text/plain", "application/octet-stream", ""];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of the file, or a refusal naming <see cref="Field"/>.</summary>
    public static (string? Markdown, Decision? Refusal) Read(string fileName, string? contentType, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!Extensions.Contains(extension) || !ContentTypes.Contains(type))
            return (null, Decision.Invalid(Field, $"Chỉ nhận tệp Markdown hoặc văn bản thuần ({string.Join(", ", Extensions)}); tệp \"{fileName}\" không phải loại này."));
        if (content.Length > DraftLimits.MaxMarkdownBytes)
            return (null, Decision.Oversized(Field, $"Tệp dài tối đa {DraftLimits.MaxMarkdownBytes / 1024 / 1024} MB."));
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return (null, Binary(fileName));
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
            return (null, Binary(fileName));
        return (text.TrimStart('\uFEFF'), null);
    }

    private static Decision Binary(string fileName) =>
        Decision.Invalid(Field, $"Tệp \"{fileName}\" không phải văn bản Markdown (có dữ liệu nhị phân hoặc không mã hóa UTF-8).");
}

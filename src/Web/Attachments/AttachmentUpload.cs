using Nq45Consult.Consultation.Attachments;

namespace Nq45Consult.Web.Attachments;

/// <summary>An uploaded file's name and bytes, read at most one byte past the limit (the decision refuses more).</summary>
public sealed record AttachmentUpload(string? FileName, byte[]? Content)
{
    /// <summary>Room for the multipart framing around the largest file accepted.</summary>
    public const long FramingBytes = 64 * 1024;

    /// <summary>The form's <c>file</c> part; none when the body is not a form or holds no file (the decision names <c>file</c>).</summary>
    public static async Task<AttachmentUpload> FromForm(HttpRequest request, long maxBytes, CancellationToken cancellation)
    {
        if (!request.HasFormContentType) return new(null, null);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellation);
        }
        catch (InvalidDataException)
        {
            return new(null, null);
        }
        return await Of(form.Files.GetFile("file"), maxBytes, cancellation);
    }

    public static async Task<AttachmentUpload> Of(IFormFile? file, long maxBytes, CancellationToken cancellation)
    {
        if (file is null) return new(null, null);
        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= maxBytes && (read = await stream.ReadAsync(chunk, cancellation)) > 0) buffer.Write(chunk, 0, read);
        return new(file.FileName, buffer.ToArray());
    }
}

/// <summary>An attachment as listed with what it is attached to; <see cref="Url"/> downloads it.</summary>
public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string Url)
{
    public static AttachmentView Of(Attachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, $"/api/attachments/{a.Id}");
}

using Nq45Consult.Consultation.Consultations.Publishing;

namespace Nq45Consult.Web.Consultations;

/// <summary>Reads an uploaded draft file into memory, stopping one byte past the largest accepted file.</summary>
public static class UploadedFile
{
    public static async Task<byte[]> Read(IFormFile file, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= DraftUpload.MaxBytes && (read = await stream.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

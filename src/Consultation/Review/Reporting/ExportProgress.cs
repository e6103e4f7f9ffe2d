using System.Runtime.CompilerServices;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>How far an export's preparation has got: rows written out of the rows counted before writing began.</summary>
public readonly record struct ExportProgress(int Written, int Total)
{
    /// <summary>
    /// Passes <paramref name="rows"/> through to a writer and reports each row as written when the writer asks for the
    /// next one (the last when it asks past the end), so the writers themselves know nothing of progress.
    /// </summary>
    public static async IAsyncEnumerable<T> Counting<T>(
        IAsyncEnumerable<T> rows, int total, IProgress<ExportProgress>? progress, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var written = 0;
        progress?.Report(new(written, total));
        await foreach (var row in rows.WithCancellation(cancellation))
        {
            yield return row;
            progress?.Report(new(++written, total));
        }
    }
}

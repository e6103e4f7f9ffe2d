namespace Nq45Consult.Web.Printing;

/// <summary>Settings of PDF rendering (section <c>Pdf</c>): headless Chromium printing an HTML page with a print stylesheet.</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>
    /// The Chromium executable. Checked at start only as an absolute path: when no file is there, the PDF routes answer
    /// 503 saying PDF rendering is not installed, and everything else works.
    /// </summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Renders running at once (each is a Chromium process); more wait their turn.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary>Seconds a render waits for its turn before the route answers 503 with Retry-After.</summary>
    public int QueueSeconds { get; set; } = 30;

    /// <summary>Seconds one Chromium process may take before it is stopped (the route then answers 503).</summary>
    public int TimeoutSeconds { get; set; } = 300;

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ChromiumPath) || !Path.IsPathFullyQualified(ChromiumPath))
            yield return $"{Section}:ChromiumPath must be an absolute path (got \"{ChromiumPath}\").";
        if (MaxConcurrentRenders is < 1 or > 64) yield return $"{Section}:MaxConcurrentRenders must be between 1 and 64.";
        if (QueueSeconds is < 1 or > 600) yield return $"{Section}:QueueSeconds must be between 1 and 600.";
        if (TimeoutSeconds is < 5 or > 3600) yield return $"{Section}:TimeoutSeconds must be between 5 and 3600.";
    }
}

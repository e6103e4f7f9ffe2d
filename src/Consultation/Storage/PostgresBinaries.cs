namespace Nq45Consult.Consultation.Storage;

/// <summary>Locates the PostgreSQL server programs on this machine.</summary>
public static class PostgresBinaries
{
    public const string MissingMessage =
        "PostgreSQL server binaries not found: install them (apt-get install postgresql), " +
        "set EmbeddedPostgres:BinPath to the folder holding pg_ctl, or set ConnectionStrings:Marten to use an existing server.";

    /// <summary>The configured folder, else the folder of pg_ctl on PATH, else the newest /usr/lib/postgresql/N/bin.</summary>
    public static string Locate(string? configuredBinPath, string? pathVariable = null, string packageRoot = "/usr/lib/postgresql")
    {
        if (!string.IsNullOrWhiteSpace(configuredBinPath))
        {
            return HasServerTools(configuredBinPath)
                ? Path.GetFullPath(configuredBinPath)
                : throw new EmbeddedPostgresUnavailableException(
                    $"EmbeddedPostgres:BinPath '{configuredBinPath}' does not hold pg_ctl, initdb and postgres. {MissingMessage}");
        }

        pathVariable ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var pgCtl = Path.Combine(dir, "pg_ctl");
            if (!File.Exists(pgCtl)) continue;
            // /usr/local/bin often holds symlinks; the real folder also has the postgres binary initdb looks for.
            var real = new FileInfo(pgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl;
            var realDir = Path.GetDirectoryName(real)!;
            if (HasServerTools(realDir)) return realDir;
        }

        if (Directory.Exists(packageRoot))
        {
            var newest = Directory.GetDirectories(packageRoot)
                .Select(d => (Dir: d, Version: decimal.TryParse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(x => x.Version >= 0 && HasServerTools(Path.Combine(x.Dir, "bin")))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (newest.Dir is not null) return Path.Combine(newest.Dir, "bin");
        }

        throw new EmbeddedPostgresUnavailableException(MissingMessage);
    }

    private static bool HasServerTools(string dir) =>
        File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "postgres"));
}

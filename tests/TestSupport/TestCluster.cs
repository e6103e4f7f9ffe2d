using Microsoft.Extensions.Logging.Abstractions;
using Nq45Consult.Consultation.Storage;
using Npgsql;

namespace Nq45Consult.TestSupport;

/// <summary>
/// One embedded PostgreSQL cluster per test run, started on first use in a temporary folder with fsync
/// off, stopped and removed when the test process exits. Each test class asks for a fresh database.
/// A run that was killed never gets to clean up, so each run first reaps the clusters of dead runs.
/// </summary>
public static class TestCluster
{
    private static readonly Lazy<EmbeddedPostgresCluster> Cluster = new(StartCluster, LazyThreadSafetyMode.ExecutionAndPublication);

    public static EmbeddedPostgresCluster Instance => Cluster.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase(string purpose)
    {
        // At most 2 + 24 + 1 + 32 characters: within PostgreSQL's 63-byte identifier limit.
        var name = $"t_{Sanitise(purpose)}_{Guid.NewGuid():N}";
        Instance.EnsureDatabase(name);
        return Instance.ConnectionString(name);
    }

    private static string Sanitise(string purpose) =>
        new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray());

    /// <summary>Every folder of a cluster a test process starts begins with this, then the process id and a dash.</summary>
    public const string FolderPrefix = "nq45-tests-";

    /// <summary>
    /// Test classes run side by side, each with an app whose pool may hold up to 50 connections until they idle out:
    /// at PostgreSQL's default of 100 a busy moment refused connections (53300), which the app answers 503.
    /// </summary>
    private const int MaxConnections = 1000;

    private static EmbeddedPostgresCluster StartCluster()
    {
        ReapClustersOfDeadRuns();
        var root = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        var options = new EmbeddedPostgresOptions { DataPath = Path.Combine(root, "postgres"), Fsync = false, Database = "postgres", MaxConnections = MaxConnections };
        var cluster = EmbeddedPostgresCluster.Start(options, root, NullLogger.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            cluster.Stop();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return cluster;
    }

    /// <summary>
    /// Folders are named after the test process; when that process is gone, its postmaster (throwaway data,
    /// fsync off) is killed outright and the folder removed.
    /// </summary>
    private static void ReapClustersOfDeadRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (!int.TryParse(owner, out var ownerPid) || IsRunning(ownerPid)) continue;
            var pidFile = Path.Combine(folder, "postgres", "postmaster.pid");
            try
            {
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster) && IsRunning(postmaster))
                {
                    using var process = System.Diagnostics.Process.GetProcessById(postmaster);
                    process.Kill();
                    process.WaitForExit(TimeSpan.FromSeconds(10));
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // Another run may be reaping the same folder; what is left is tried again next time.
            }
        }
    }

    /// <summary>A live process; a zombie (killed, never reaped, as happens in containers) counts as gone.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return !stat[(stat.LastIndexOf(')') + 1)..].TrimStart().StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }
}

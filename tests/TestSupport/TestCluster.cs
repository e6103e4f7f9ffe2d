using Microsoft.Extensions.Logging.Abstractions;
using Nq45Consult.Consultation.Storage;
using Npgsql;

namespace Nq45Consult.TestSupport;

/// <summary>
/// One embedded PostgreSQL cluster per test run, started on first use in a temporary folder with fsync
/// off, stopped and removed when the test process exits. Each test class asks for a fresh database.
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

    private static EmbeddedPostgresCluster StartCluster()
    {
        var root = Path.Combine(Path.GetTempPath(), $"nq45-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var options = new EmbeddedPostgresOptions { DataPath = Path.Combine(root, "postgres"), Fsync = false, Database = "postgres" };
        var cluster = EmbeddedPostgresCluster.Start(options, root, NullLogger.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            cluster.Stop();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return cluster;
    }
}

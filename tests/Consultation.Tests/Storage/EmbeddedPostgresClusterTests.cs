using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Consultation.Tests.Storage;

/// <summary>Each test runs its own cluster in its own temporary folder, as an app on a fresh machine would.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmbeddedPostgresClusterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"nq45-embedded-{Guid.NewGuid():N}");
    private readonly List<EmbeddedPostgresCluster> _started = [];

    // Durability on, as for the app itself: the crash tests must show that committed data survives.
    private EmbeddedPostgresOptions Options => new() { DataPath = "postgres", Database = "app", Fsync = true };

    private EmbeddedPostgresCluster Start()
    {
        var cluster = EmbeddedPostgresCluster.Start(Options, _root, NullLogger.Instance);
        _started.Add(cluster);
        return cluster;
    }

    [Fact]
    public void First_start_initialises_the_cluster_and_creates_the_database()
    {
        var cluster = Start();

        Assert.True(File.Exists(Path.Combine(_root, "postgres", "PG_VERSION")));
        Assert.Equal("app", Scalar<string>(cluster, "select current_database()"));
        Assert.Equal("UTF8", Scalar<string>(cluster, "show server_encoding"));
    }

    [Fact]
    public void A_second_start_reuses_the_data()
    {
        var first = Start();
        Execute(first, "create table kept (note text); insert into kept values ('giữ lại')");
        first.Stop();

        var second = Start();

        Assert.Equal("giữ lại", Scalar<string>(second, "select note from kept"));
    }

    [Fact]
    public void A_postmaster_left_running_by_a_crashed_app_is_taken_over_without_losing_data()
    {
        var crashed = Start();
        Execute(crashed, "create table kept (n int); insert into kept values (42)");
        // The app died without stopping its server: the postmaster still runs on the folder.
        var leftoverPid = PostmasterPid();
        Assert.True(ProcessIsAlive(leftoverPid));

        var next = Start();

        Assert.Equal(42, Scalar<int>(next, "select n from kept"));
        Assert.NotEqual(leftoverPid, PostmasterPid());
    }

    [Fact]
    public void A_postmaster_killed_hard_leaves_a_stale_pid_file_that_does_not_stop_the_next_start()
    {
        var killed = Start();
        Execute(killed, "create table kept (n int); insert into kept values (7)");
        var pid = PostmasterPid();
        Process.GetProcessById(pid).Kill();
        WaitForExit(pid);
        Assert.True(File.Exists(Path.Combine(_root, "postgres", "postmaster.pid")));

        var next = Start();

        Assert.Equal(7, Scalar<int>(next, "select n from kept"));
    }

    [Fact]
    public void As_root_the_cluster_belongs_to_the_postgres_user()
    {
        Start();

        var owner = RunStat(Path.Combine(_root, "postgres"));
        Assert.Equal(Environment.IsPrivilegedProcess ? "postgres" : Environment.UserName, owner);
    }

    [Fact]
    public void A_new_cluster_asks_for_the_password_kept_in_its_data_folder_readable_by_its_owner_only()
    {
        var cluster = Start();

        var file = Path.Combine(_root, "postgres", EmbeddedPostgresCluster.PasswordFileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(Environment.IsPrivilegedProcess ? "postgres" : Environment.UserName, RunStat(file));
        Assert.Equal(File.ReadAllText(file).Trim(), new NpgsqlConnectionStringBuilder(cluster.ConnectionString("app")).Password);
        Assert.Equal("app", Scalar<string>(cluster, "select current_database()"));
        AssertRefusedWithout(cluster);
        Assert.DoesNotContain(HbaRules(), rule => rule.EndsWith("trust", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cluster_made_with_trust_is_moved_to_passwords_at_start_and_keeps_its_data()
    {
        var old = Start();
        Execute(old, "create table kept (note text); insert into kept values ('trước khi có mật khẩu'); alter role postgres password null");
        old.Stop();
        // What an earlier version left: every rule trusts, no password file, a role without a password.
        var hba = Path.Combine(_root, "postgres", "pg_hba.conf");
        File.WriteAllText(hba, File.ReadAllText(hba).Replace("scram-sha-256", "trust"));
        File.Delete(Path.Combine(_root, "postgres", EmbeddedPostgresCluster.PasswordFileName));

        var migrated = Start();

        Assert.Equal("trước khi có mật khẩu", Scalar<string>(migrated, "select note from kept"));
        var file = Path.Combine(_root, "postgres", EmbeddedPostgresCluster.PasswordFileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.DoesNotContain(HbaRules(), rule => rule.EndsWith("trust", StringComparison.Ordinal));
        AssertRefusedWithout(migrated);
        migrated.Stop();
        // And the next start, with the rules already moved over, uses the same password.
        Assert.Equal("trước khi có mật khẩu", Scalar<string>(Start(), "select note from kept"));
    }

    private IEnumerable<string> HbaRules() =>
        File.ReadLines(Path.Combine(_root, "postgres", "pg_hba.conf")).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0);

    /// <summary>Without the password, or with a wrong one, the server refuses the connection.</summary>
    private static void AssertRefusedWithout(EmbeddedPostgresCluster cluster)
    {
        foreach (var password in new string?[] { null, "wrong" })
        {
            var builder = new NpgsqlConnectionStringBuilder(cluster.ConnectionString(cluster.DatabaseName)) { Password = password, Pooling = false };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            var refused = Assert.ThrowsAny<NpgsqlException>(() => connection.Open());
            if (password is not null) Assert.Equal(PostgresErrorCodes.InvalidPassword, Assert.IsType<PostgresException>(refused).SqlState);
        }
    }

    [Fact]
    public void Missing_server_binaries_give_one_clear_message()
    {
        var error = Assert.Throws<EmbeddedPostgresUnavailableException>(
            () => PostgresBinaries.Locate(null, pathVariable: "/nonexistent", packageRoot: "/nonexistent"));

        Assert.Contains("apt-get install postgresql", error.Message);
        Assert.Contains("EmbeddedPostgres:BinPath", error.Message);
    }

    [Fact]
    public void A_configured_bin_path_without_the_tools_is_named_in_the_error()
    {
        var error = Assert.Throws<EmbeddedPostgresUnavailableException>(() => PostgresBinaries.Locate("/tmp"));

        Assert.Contains("'/tmp'", error.Message);
    }

    private int PostmasterPid() => int.Parse(File.ReadLines(Path.Combine(_root, "postgres", "postmaster.pid")).First());

    private static bool ProcessIsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    private static void WaitForExit(int pid)
    {
        // The postmaster is not our child; poll /proc until the kernel has reaped it.
        for (var i = 0; i < 200 && ProcessIsAlive(pid) && !IsZombie(pid); i++) Thread.Sleep(50);
    }

    private static bool IsZombie(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "); }
        catch (IOException) { return true; }
    }

    private static string RunStat(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%U", path]) { RedirectStandardOutput = true })!;
        var owner = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return owner;
    }

    private static T Scalar<T>(EmbeddedPostgresCluster cluster, string sql)
    {
        using var connection = new NpgsqlConnection(cluster.ConnectionString(cluster.DatabaseName));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }

    private static void Execute(EmbeddedPostgresCluster cluster, string sql)
    {
        using var connection = new NpgsqlConnection(cluster.ConnectionString(cluster.DatabaseName));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var cluster in _started) cluster.Stop();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Nq45Consult.Consultation.Storage;

/// <summary>
/// A PostgreSQL cluster in a project folder, run from the machine's server binaries so that a fresh
/// machine needs no database set-up. The postmaster runs in its own session and outlives a crashed
/// app, so a start first deals with whatever a previous run left behind. It listens on loopback only, and every
/// connection must still give the password of the <c>postgres</c> role (scram-sha-256): any local user can reach the
/// port. The password is generated at <c>initdb</c> and kept in <see cref="PasswordFileName"/> in the data folder
/// (mode 0600, owned by the user the tools run as); a cluster created when it was <c>trust</c> is moved over at start.
/// </summary>
public sealed class EmbeddedPostgresCluster : IDisposable
{
    private const string ServiceUser = "postgres";
    private const string AuthMethod = "scram-sha-256";

    /// <summary>The file in the data folder holding the <c>postgres</c> role's password.</summary>
    public const string PasswordFileName = "nq45-password";

    private readonly EmbeddedPostgresOptions _options;
    private readonly ILogger _logger;
    private readonly string _binPath;
    private readonly bool _privileged;
    private int _stopped;
    private string _password = "";

    public string DataPath { get; }
    public int Port { get; private set; }
    public string DatabaseName => _options.Database;

    private EmbeddedPostgresCluster(EmbeddedPostgresOptions options, string dataPath, ILogger logger)
    {
        _options = options;
        _logger = logger;
        DataPath = dataPath;
        _binPath = PostgresBinaries.Locate(options.BinPath);
        // initdb refuses to run as root, so a privileged process runs the tools as the postgres user.
        _privileged = Environment.IsPrivilegedProcess;
    }

    /// <summary>Initialises the cluster on first use, starts it and creates the database.</summary>
    public static EmbeddedPostgresCluster Start(EmbeddedPostgresOptions options, string contentRoot, ILogger logger)
    {
        var dataPath = Path.GetFullPath(Path.Combine(contentRoot, options.DataPath));
        var cluster = new EmbeddedPostgresCluster(options, dataPath, logger);
        cluster.StartServer();
        cluster.EnsureDatabase(options.Database);
        return cluster;
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = ServiceUser,
        Password = _password,
        Database = database,
        // The app's own pool: Marten opens many short sessions.
        MaxPoolSize = 50,
    }.ConnectionString;

    private string PasswordFile => Path.Combine(DataPath, PasswordFileName);

    /// <summary>
    /// The cluster's own one-off connections, outside any pool: after a restart of the server a pooled connection
    /// would be one the old server ended.
    /// </summary>
    private NpgsqlConnection AdminConnection() =>
        new(new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString);

    /// <summary>Creates the database when it does not exist yet.</summary>
    public void EnsureDatabase(string database)
    {
        using var connection = AdminConnection();
        connection.Open();
        using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (exists.ExecuteScalar() is not null) return;
        using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"")}\" encoding 'UTF8' template template0", connection);
        create.ExecuteNonQuery();
        _logger.LogInformation("Created database {Database}", database);
    }

    /// <summary>A clean, fast shutdown; safe to call more than once and from several shutdown paths.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        var result = RunTool("pg_ctl", "stop", "-D", DataPath, "-m", "fast", "-w", "-t", "60");
        if (result.ExitCode == 0) _logger.LogInformation("Embedded PostgreSQL stopped");
        else _logger.LogWarning("Embedded PostgreSQL did not stop cleanly: {Output}", result.Output);
    }

    public void Dispose() => Stop();

    private string RunDirectory => DataPath + "-run";
    private string LogFile => Path.Combine(RunDirectory, "postgres.log");

    private void StartServer()
    {
        PrepareFolders();
        if (!File.Exists(Path.Combine(DataPath, "PG_VERSION"))) InitialiseCluster();
        StopLeftoverPostmaster();
        ReadPassword();

        Port = _options.Port ?? FreeLoopbackPort();
        var serverOptions = string.Join(' ',
            $"-p {Port}",
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            $"-c max_connections={_options.MaxConnections}",
            _options.Fsync ? "-c fsync=on" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        var result = RunTool("pg_ctl", "start", "-D", DataPath, "-l", LogFile, "-w", "-t", _options.StartTimeoutSeconds.ToString(), "-o", serverOptions);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedPostgresUnavailableException(
                $"Embedded PostgreSQL did not start (pg_ctl exit {result.ExitCode}): {result.Output.Trim()} {Tail(LogFile)}");
        }
        WaitUntilAcceptingConnections();
        RequirePasswords();
        _logger.LogInformation("Embedded PostgreSQL listening on 127.0.0.1:{Port}, data in {DataPath}", Port, DataPath);
    }

    private void InitialiseCluster()
    {
        if (Directory.EnumerateFileSystemEntries(DataPath).Any())
        {
            // A folder without PG_VERSION is not a cluster (an interrupted initdb): keep it aside, never delete it.
            var aside = $"{DataPath}.incomplete-{DateTime.UtcNow:yyyyMMddHHmmss}";
            Directory.Move(DataPath, aside);
            _logger.LogWarning("Moved an incomplete cluster folder aside to {Path}", aside);
            PrepareFolders();
        }
        _logger.LogInformation("Initialising a PostgreSQL cluster in {DataPath}", DataPath);
        // initdb wants an empty data folder: the password reaches it through a file in the run folder, moved in after.
        var password = NewPassword();
        var pending = Path.Combine(RunDirectory, PasswordFileName);
        WriteSecret(pending, password);
        try
        {
            // Byte-order sorting (C) but UTF-8 character classes: under a C ctype pg_trgm drops every Vietnamese letter
            // with a diacritic from its trigrams, and trigram indexes (registry, dashboard search) become far less selective.
            var result = RunTool("initdb", "-D", DataPath, "-U", ServiceUser, $"--auth={AuthMethod}", $"--pwfile={pending}",
                "-E", "UTF8", "--locale=C", "--lc-ctype=C.UTF-8");
            if (result.ExitCode != 0)
            {
                throw new EmbeddedPostgresUnavailableException($"initdb failed (exit {result.ExitCode}): {result.Output.Trim()}");
            }
            WriteSecret(PasswordFile, password);
        }
        finally
        {
            File.Delete(pending);
        }
    }

    private string HbaFile => Path.Combine(DataPath, "pg_hba.conf");

    /// <summary>
    /// The password from its file. A cluster made with <c>trust</c> by an earlier version has none yet: one is
    /// generated, and <see cref="RequirePasswords"/> gives it to the role once the server runs.
    /// </summary>
    private void ReadPassword()
    {
        if (!File.Exists(PasswordFile))
        {
            if (File.ReadLines(HbaFile).All(line => RequirePassword(line) == line))
            {
                throw new EmbeddedPostgresUnavailableException(
                    $"The PostgreSQL cluster in {DataPath} asks for a password, but its password file {PasswordFile} is missing: restore the file, or move the folder aside to start a new cluster.");
            }
            WriteSecret(PasswordFile, NewPassword());
        }
        _password = File.ReadAllText(PasswordFile).Trim();
    }

    /// <summary>
    /// Moves a cluster that lets local connections in without a password over to passwords: the password file is
    /// written first (<see cref="ReadPassword"/>), then the role is given that password, then pg_hba.conf asks for it
    /// and the server reloads it. Each step can be repeated, so a start interrupted half-way finishes the move next time.
    /// </summary>
    private void RequirePasswords()
    {
        var hba = HbaFile;
        var lines = File.ReadAllLines(hba);
        var required = lines.Select(RequirePassword).ToArray();
        if (required.SequenceEqual(lines)) return;

        _logger.LogWarning("The PostgreSQL cluster in {DataPath} let local connections in without a password; it now requires one, kept in {PasswordFile}",
            DataPath, PasswordFile);
        // Still trust here, so any password is accepted for this connection.
        using (var connection = AdminConnection())
        {
            connection.Open();
            using var command = new NpgsqlCommand(
                $"set password_encryption = '{AuthMethod}'; alter role \"{ServiceUser}\" password '{_password.Replace("'", "''")}'", connection);
            command.ExecuteNonQuery();
        }
        // Rewriting the existing file keeps its owner and mode.
        File.WriteAllLines(hba, required);
        using (var connection = AdminConnection())
        {
            connection.Open();
            using var reload = new NpgsqlCommand("select pg_reload_conf()", connection);
            reload.ExecuteNonQuery();
        }
    }

    /// <summary>A pg_hba.conf rule with <c>trust</c> as its method asks for the password instead; other lines are kept.</summary>
    private static string RequirePassword(string line)
    {
        var content = line.Split('#', 2)[0];
        var fields = content.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4 || fields[^1] != "trust") return line;
        var at = content.LastIndexOf("trust", StringComparison.Ordinal);
        return line[..at] + AuthMethod + line[(at + "trust".Length)..];
    }

    private static string NewPassword() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>
    /// Creates the file readable by its owner only from the start, then hands it to the user the tools run as, which
    /// must read it (initdb) and owns the data folder; the app reads it too (as that user, or as root).
    /// </summary>
    private void WriteSecret(string path, string secret)
    {
        // A file left by an interrupted start may have another mode: only a newly created file gets ours.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, options)) writer.Write(secret);
        if (_privileged) Run("chown", $"{ServiceUser}:{ServiceUser}", path);
    }

    /// <summary>
    /// After a crash the old postmaster may still run on this folder. Stopping it with a fast shutdown
    /// checkpoints what it committed, and the start that follows takes our settings (port, fsync).
    /// </summary>
    private void StopLeftoverPostmaster()
    {
        var pidFile = Path.Combine(DataPath, "postmaster.pid");
        if (!File.Exists(pidFile)) return;
        var firstLine = File.ReadLines(pidFile).FirstOrDefault();
        if (!int.TryParse(firstLine, out var pid) || !IsPostgresProcess(pid))
        {
            // The holder is gone, but where nobody reaps orphans (containers) its pid stays taken by a
            // zombie, which postgres would mistake for a running server: the stale lock must go.
            File.Delete(pidFile);
            _logger.LogWarning("Removed a stale postmaster.pid left by a server that is no longer running");
            return;
        }
        _logger.LogWarning("A PostgreSQL server (pid {Pid}) left by an earlier run is still using {DataPath}; restarting it", pid, DataPath);
        var result = RunTool("pg_ctl", "stop", "-D", DataPath, "-m", "fast", "-w", "-t", "60");
        if (result.ExitCode != 0)
        {
            throw new EmbeddedPostgresUnavailableException($"Could not stop the leftover PostgreSQL server (pid {pid}): {result.Output.Trim()}");
        }
    }

    /// <summary>A live postgres process; a killed one that nobody reaped yet (a zombie) no longer holds the folder.</summary>
    private static bool IsPostgresProcess(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat[(stat.LastIndexOf(')') + 1)..].TrimStart();
            var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            return name is "postgres" or "postmaster" && !afterName.StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void PrepareFolders()
    {
        Directory.CreateDirectory(DataPath);
        Directory.CreateDirectory(RunDirectory);
        if (OperatingSystem.IsWindows()) return;
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        File.SetUnixFileMode(DataPath, ownerOnly);
        if (!_privileged) return;

        if (!ServiceUserExists())
        {
            throw new EmbeddedPostgresUnavailableException(
                $"Running as root, the embedded PostgreSQL runs as the '{ServiceUser}' user, which does not exist: install PostgreSQL (apt-get install postgresql) or run the app as an ordinary user.");
        }
        AllowTraversal(Path.GetDirectoryName(DataPath)!);
        Run("chown", "-R", $"{ServiceUser}:{ServiceUser}", DataPath, RunDirectory);
    }

    /// <summary>The postgres user must be able to walk down to the data folder, whatever the clone's parents allow.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private void AllowTraversal(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (mode.HasFlag(UnixFileMode.OtherExecute)) continue;
            File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
            _logger.LogInformation("Allowed the postgres user to traverse {Directory}", dir.FullName);
        }
    }

    private static bool ServiceUserExists() =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(ServiceUser + ":", StringComparison.Ordinal));

    private void WaitUntilAcceptingConnections()
    {
        var deadline = DateTime.UtcNow.AddSeconds(_options.StartTimeoutSeconds);
        while (true)
        {
            try
            {
                using var connection = AdminConnection();
                connection.Open();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
            {
                throw new EmbeddedPostgresUnavailableException(
                    $"The PostgreSQL cluster in {DataPath} refused the password kept in {PasswordFile}: restore the file that belongs to this cluster, or move the folder aside to start a new cluster.");
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private ToolResult RunTool(string tool, params string[] args)
    {
        var path = Path.Combine(_binPath, tool);
        return _privileged ? Run("runuser", ["-u", ServiceUser, "--", path, .. args]) : Run(path, args);
    }

    private static ToolResult Run(string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The tools must not inherit a working folder the postgres user cannot enter.
            WorkingDirectory = "/",
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new EmbeddedPostgresUnavailableException($"Could not run {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ToolResult(process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Tail(string file) =>
        File.Exists(file) ? string.Join('\n', File.ReadLines(file).TakeLast(10)) : "";

    private sealed record ToolResult(int ExitCode, string Output);
}

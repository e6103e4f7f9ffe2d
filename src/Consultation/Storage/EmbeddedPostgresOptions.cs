namespace Nq45Consult.Consultation.Storage;

/// <summary>Settings of the PostgreSQL cluster the app runs itself when no connection string is given.</summary>
public sealed class EmbeddedPostgresOptions
{
    public const string Section = "EmbeddedPostgres";

    /// <summary>Folder holding pg_ctl, initdb and postgres; found automatically when empty.</summary>
    public string? BinPath { get; set; }

    /// <summary>Cluster folder; relative paths are resolved against the content root.</summary>
    public string DataPath { get; set; } = ".data/postgres";

    /// <summary>Loopback port; a free one is chosen when empty.</summary>
    public int? Port { get; set; }

    public string Database { get; set; } = "nq45consult";

    /// <summary>Off only for throw-away clusters (tests): it trades crash safety for speed.</summary>
    public bool Fsync { get; set; } = true;

    public int StartTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// The server's <c>max_connections</c>. Every app node's pool (50) counts against it, and a connection over the
    /// limit is refused (53300, answered 503), so a cluster serving many apps at once (tests) raises it.
    /// </summary>
    public int MaxConnections { get; set; } = 100;
}

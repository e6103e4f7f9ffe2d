namespace Nq45Consult.Consultation.Storage;

/// <summary>How the event store and documents are kept in PostgreSQL (section "Marten").</summary>
public sealed class StorageOptions
{
    public const string Section = "Marten";

    /// <summary>One schema holds events and documents, so a database can host several installations.</summary>
    public string Schema { get; set; } = "nq45";

    /// <summary>Create or migrate tables at start; unset, on for the embedded database and off for a configured server.</summary>
    public bool ApplySchemaOnStart { get; set; } = true;

    /// <summary>Run the async projection daemon in this process (HotCold: one node builds shared read models).</summary>
    public bool RunProjectionDaemon { get; set; } = true;
}

using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Nq45Consult.Consultation.Attachments;

/// <summary>
/// Marten configuration of attachments: their streams, their descriptions, and their bytes in a table of their own
/// (<see cref="ContentTable"/>, one bytea per file), so lists read small documents and only a download reads a file.
/// </summary>
public static class AttachmentsStore
{
    public const string ContentTable = "attachment_content";

    public static IServiceCollection AddAttachmentsStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([typeof(AttachmentUploaded), typeof(AttachmentWithdrawn)]);
        options.Projections.Add<AttachmentProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Attachment>().Index(x => x.OwnerId);
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, ContentTable, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("attachment_id").AsPrimaryKey();
        table.AddColumn("content", "bytea").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>Queues the file's bytes on the session that starts its stream: both are stored in one transaction, or neither.</summary>
    internal static void QueueContent(IDocumentSession session, Guid id, byte[] content) =>
        session.QueueSqlCommand($"insert into {session.DocumentStore.Options.DatabaseSchemaName}.{ContentTable} (attachment_id, content) values (?, ?)", id, content);
}

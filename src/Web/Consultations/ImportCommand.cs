using Marten;
using Nq45Consult.Consultation.Consultations.ContentImport;
using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Web.Consultations;

/// <summary>
/// <c>dotnet run --project src/Web -- import &lt;file.md&gt;...</c>: imports draft files into the configured
/// database and exits (0 when every file imported) without serving HTTP.
/// </summary>
public static class ImportCommand
{
    public const string Verb = "import";

    /// <summary>The arguments left for the host's configuration once the command is taken out.</summary>
    public static string[] HostArgs(string[] args) => IsRequested(args) ? args[1..].Where(a => a.StartsWith('-')).ToArray() : args;

    public static bool IsRequested(string[] args) => args is [Verb, ..];

    public static async Task<int> Run(WebApplication app, string[] args)
    {
        var files = args.Skip(1).Where(a => !a.StartsWith('-')).ToList();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(ImportCommand));
        if (files.Count == 0)
        {
            logger.LogError("Usage: dotnet run --project src/Web -- import <file.md> [more files]");
            return 2;
        }
        try
        {
            await app.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var importFile = app.Services.GetRequiredService<ImportDraftFileHandler>();
            var ok = true;
            foreach (var file in files)
            {
                var result = File.Exists(file) ? await importFile.Handle(new(file), CancellationToken.None) : new ImportResult(file, null, "file not found", false);
                Log(logger, result);
                ok &= result.Succeeded;
            }
            return ok ? 0 : 1;
        }
        finally
        {
            app.Services.GetService<EmbeddedPostgresCluster>()?.Stop();
        }
    }

    public static void Log(ILogger logger, ImportResult result)
    {
        if (result.Succeeded) logger.LogInformation("Draft {File} → {Slug}: {Outcome}", result.File, result.Slug, result.Outcome);
        else logger.LogError("Draft {File} not imported: {Outcome}", result.File, result.Outcome);
    }
}

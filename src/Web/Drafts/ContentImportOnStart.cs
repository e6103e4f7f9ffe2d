using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Drafts.ContentImport;

namespace Nq45Consult.Web.Drafts;

/// <summary>With demo seeding on, every <c>content/drafts/*.md</c> becomes (or updates) a consultation at start.</summary>
public sealed class ContentImportOnStart(
    DraftImporter importer, IOptions<ContentOptions> content, IConfiguration configuration, IWebHostEnvironment environment,
    ILogger<ContentImportOnStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!DemoSeedingOn(configuration)) return;
        var folder = content.Value.DraftsFolder(environment.ContentRootPath);
        if (folder is null)
        {
            logger.LogWarning("No content/drafts folder found (set Content:Path); no sample consultations imported.");
            return;
        }
        foreach (var result in await importer.ImportFolder(folder, cancellationToken))
            ImportCommand.Log(logger, result);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary><c>Seed:Demo</c>, on by default only with the embedded database (api-v1.md).</summary>
    public static bool DemoSeedingOn(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Seed:Demo") ?? string.IsNullOrWhiteSpace(configuration.GetConnectionString("Marten"));
}

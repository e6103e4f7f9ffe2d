using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations.ContentImport;
using Nq45Consult.Consultation.Seeding;

namespace Nq45Consult.Web.Consultations;

/// <summary>With demo seeding on, every <c>content/drafts/*.md</c> becomes (or updates) an open consultation.</summary>
public sealed class SampleDraftsSeeder(ImportDraftFolderHandler importFolder, IOptions<ContentOptions> content, IWebHostEnvironment environment, ILogger<SampleDraftsSeeder> logger)
    : IDemoSeeder
{
    public int Order => 10;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var folder = content.Value.DraftsFolder(environment.ContentRootPath);
        if (folder is null)
        {
            logger.LogWarning("No content/drafts folder found (set Content:Path); no sample consultations imported.");
            return;
        }
        foreach (var result in await importFolder.Handle(new(folder), cancellationToken))
            ImportCommand.Log(logger, result);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Consultations.ContentImport;

namespace Nq45Consult.Web.Tests.Consultations;

public class ContentImportTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    [Fact]
    public async Task Import_is_idempotent_and_a_changed_file_publishes_a_new_version()
    {
        var importer = app.Services.GetRequiredService<ImportDraftFileHandler>();
        var file = Path.Combine(Path.GetTempPath(), $"nhap-{Guid.NewGuid():N}.md");
        var slug = $"nhap-{Guid.NewGuid():N}"[..20];
        await File.WriteAllTextAsync(file, $"---\nslug: {slug}\ntitle: Bản nháp thử\nfields: [y tế]\n---\n\n{Samples.Legal}");
        try
        {
            Assert.Equal("created", (await importer.Handle(new(file), CancellationToken.None)).Outcome);
            Assert.Equal("unchanged", (await importer.Handle(new(file), CancellationToken.None)).Outcome);
            await File.AppendAllTextAsync(file, "\n\n### Điều 3. Hiệu lực\n\nCó hiệu lực từ ngày ký.\n");
            Assert.Equal("updated", (await importer.Handle(new(file), CancellationToken.None)).Outcome);

            var history = await app.Moderator().GetStringAsync($"/api/consultations/{slug}/history");
            Assert.Contains("Cập nhật từ tệp", history);
            Assert.Contains("consultation-opened", history);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_seed_folder_imports_twice_without_changes()
    {
        var folder = Path.Combine(FindSolution(), "content", "drafts");
        var results = await app.Services.GetRequiredService<ImportDraftFolderHandler>().Handle(new(folder), CancellationToken.None);
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("unchanged", r.Outcome));
    }

    private static string FindSolution()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Nq45Consult.sln"))) dir = dir.Parent;
        return dir.FullName;
    }
}

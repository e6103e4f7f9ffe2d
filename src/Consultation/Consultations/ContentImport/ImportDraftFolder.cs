namespace Nq45Consult.Consultation.Consultations.ContentImport;

/// <summary>Import every <c>*.md</c> file of a folder (<see cref="ImportDraftFile"/>), in file name order.</summary>
public sealed record ImportDraftFolder(string Folder);

public sealed class ImportDraftFolderHandler(ImportDraftFileHandler importFile)
{
    public async Task<IReadOnlyList<ImportResult>> Handle(ImportDraftFolder command, CancellationToken cancellation)
    {
        var results = new List<ImportResult>();
        foreach (var file in Directory.EnumerateFiles(command.Folder, "*.md").Order(StringComparer.Ordinal))
            results.Add(await importFile.Handle(new(file), cancellation));
        return results;
    }
}

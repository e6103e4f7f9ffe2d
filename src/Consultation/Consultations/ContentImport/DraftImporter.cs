using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Opening;
using Nq45Consult.Consultation.Drafts.Importing;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Consultations.ContentImport;

/// <summary>What importing one file did: created, updated (a new version), unchanged, or why it failed.</summary>
public sealed record ImportResult(string File, string? Slug, string Outcome, bool Succeeded = true);

/// <summary>
/// Turns a draft file (front matter + Markdown) into a consultation, idempotent by slug: a new slug is
/// created, published and opened now for <c>consultationDays</c> (30 by default); a changed file
/// publishes a new version; an unchanged file does nothing.
/// </summary>
public sealed class DraftImporter(ConsultationCommands commands, IDocumentStore store, TimeProvider time)
{
    public const string Actor = "content-import";
    public const int DefaultDays = 30;

    public async Task<IReadOnlyList<ImportResult>> ImportFolder(string folder, CancellationToken cancellation = default)
    {
        var results = new List<ImportResult>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
            results.Add(await ImportFile(file, cancellation));
        return results;
    }

    public async Task<ImportResult> ImportFile(string path, CancellationToken cancellation = default)
    {
        var name = Path.GetFileName(path);
        DraftFile draft;
        try
        {
            draft = DraftFile.Parse(await File.ReadAllTextAsync(path, cancellation));
        }
        catch (DraftInvalidException e)
        {
            return new(name, null, $"{e.Field}: {e.Message}", Succeeded: false);
        }

        ConsultationDetails? existing;
        DraftVersion? current = null;
        await using (var session = store.QuerySession())
        {
            var queries = new ConsultationQueries(session);
            existing = await queries.Find(draft.Slug, cancellation);
            if (existing is not null) current = await queries.Version(existing.Id, existing.CurrentVersion, cancellation);
        }

        if (existing is null) return await Create(name, draft, cancellation);
        if (current?.Markdown == draft.Markdown) return new(name, existing.Slug, "unchanged");
        var note = current is null ? null : $"Cập nhật từ tệp {name}";
        var outcome = await commands.PublishVersion(existing.Id, draft.Markdown, note, Actor, cancellation);
        return Result(name, existing.Slug, outcome.Decision!, "updated");
    }

    private async Task<ImportResult> Create(string name, DraftFile draft, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var details = new ConsultationDetailsInput(
            draft.Title, draft.Summary, draft.DraftingAgency, KebabCase.Name(draft.DocumentType), draft.Fields.ToList(),
            KebabCase.Name(draft.Audience), now, now.AddDays(draft.ConsultationDays ?? DefaultDays));
        var created = await commands.Create(draft.Slug, details, Actor, cancellation);
        if (created.Consultation is null) return Result(name, draft.Slug, created.Decision!, "created");
        var id = created.Consultation.Id;
        var published = await commands.PublishVersion(id, draft.Markdown, null, Actor, cancellation);
        if (!published.Decision!.Accepted) return Result(name, draft.Slug, published.Decision, "created");
        var opened = await commands.Execute(id, (state, at) => OpenConsultation.Decide(state, new(id, Actor), at), cancellation);
        return Result(name, created.Consultation.Slug, opened.Decision!, "created");
    }

    private static ImportResult Result(string name, string slug, Decision decision, string success) =>
        decision.Accepted
            ? new(name, slug, success)
            : new(name, slug, decision.Errors.Count == 0 ? decision.Reason! : string.Join("; ", decision.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), Succeeded: false);
}

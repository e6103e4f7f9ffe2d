using Marten;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Consultations.Creating;
using Nq45Consult.Consultation.Consultations.Opening;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.Consultation.Drafts.Importing;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Consultations.ContentImport;

/// <summary>
/// Turn a draft file (front matter + Markdown) into a consultation, idempotent by slug: a new slug is
/// created (naming the agency whose name is the file's <c>draftingAgency</c>, when there is one), published and
/// opened now for <c>consultationDays</c> (30 by default); a changed file
/// publishes a new version; an unchanged file does nothing.
/// </summary>
public sealed record ImportDraftFile(string Path)
{
    /// <summary>Who the consultation's history names for what the import did: no person, so no role.</summary>
    public static readonly Caller Importer = Caller.Of("content-import", "content-import");

    public const int DefaultDays = 30;
}

/// <summary>Runs the same create, publish and open handlers as a moderator does, as <see cref="ImportDraftFile.Importer"/>.</summary>
public sealed class ImportDraftFileHandler(
    IDocumentStore store, TimeProvider time, CreateConsultationHandler create, PublishDraftVersionHandler publish, OpenConsultationHandler open)
{
    public async Task<ImportResult> Handle(ImportDraftFile command, CancellationToken cancellation)
    {
        var name = Path.GetFileName(command.Path);
        DraftFile draft;
        try
        {
            draft = DraftFile.Parse(await File.ReadAllTextAsync(command.Path, cancellation));
        }
        catch (DraftInvalidException e)
        {
            return new(name, null, $"{e.Field}: {e.Message}", Succeeded: false);
        }

        ConsultationDetails? existing;
        DraftVersion? current = null;
        Agency? agency;
        await using (var session = store.QuerySession())
        {
            var queries = new ConsultationQueries(session);
            existing = await queries.Find(draft.Slug, cancellation);
            if (existing is not null) current = await queries.Version(existing.Id, existing.CurrentVersion, cancellation);
            agency = await AgencyQueries.Named(session, draft.DraftingAgency, cancellation);
        }

        if (existing is null) return await Create(name, draft, agency, cancellation);
        if (current?.Markdown == draft.Markdown) return new(name, existing.Slug, "unchanged");
        var note = current is null ? null : $"Cập nhật từ tệp {name}";
        var outcome = await publish.Handle(new(existing.Id, DraftSections.Pasted(draft.Markdown), note, ImportDraftFile.Importer), cancellation);
        return Result(name, existing.Slug, outcome.Decision!, "updated");
    }

    /// <param name="agency">The active agency named like the file's <c>draftingAgency</c>: the consultation names it.</param>
    private async Task<ImportResult> Create(string name, DraftFile draft, Agency? agency, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var details = new ConsultationDetailsInput(
            draft.Title, draft.Summary, draft.DraftingAgency, KebabCase.Name(draft.DocumentType), draft.Fields.ToList(),
            KebabCase.Name(draft.Audience), now, now.AddDays(draft.ConsultationDays ?? ImportDraftFile.DefaultDays))
        {
            DraftingAgencyId = agency?.Id,
        };
        var created = await create.Handle(new(draft.Slug, details, ImportDraftFile.Importer), cancellation);
        if (created.Consultation is null) return Result(name, draft.Slug, created.Decision!, "created");
        var id = created.Consultation.Id;
        var published = await publish.Handle(new(id, DraftSections.Pasted(draft.Markdown), null, ImportDraftFile.Importer), cancellation);
        if (!published.Decision!.Accepted) return Result(name, draft.Slug, published.Decision, "created");
        var opened = await open.Handle(new(id, ImportDraftFile.Importer), cancellation);
        return Result(name, created.Consultation.Slug, opened.Decision!, "created");
    }

    private static ImportResult Result(string name, string slug, Decision decision, string success) =>
        decision.Accepted
            ? new(name, slug, success)
            : new(name, slug, decision.Errors.Count == 0 ? decision.Reason! : string.Join("; ", decision.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), Succeeded: false);
}

using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Experts.Associations;

namespace Nq45Consult.Consultation.Experts.Importing;

/// <summary>What an import would do (dry run) or did; with any error nothing is written.</summary>
public sealed record ImportReport(
    string Encoding, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportRowError> Errors, bool Imported)
{
    /// <summary>The report lists at most this many errors; a wrong file would otherwise answer with megabytes.</summary>
    public const int MaxErrorsReported = 1000;

    public int ErrorCount { get; init; }
}

/// <summary>
/// Imports an association's member list: every row validated first, then all rows written in one
/// transaction or none. A row is matched to an existing profile by its member key, else by e-mail, so a
/// re-import updates and never duplicates.
/// </summary>
public sealed record ImportMemberList(byte[] File, bool DryRun, string ImportedBy)
{
    public const int MaxBytes = 32 * 1024 * 1024;
}

public sealed class ImportMemberListHandler(IDocumentStore store, TimeProvider time, IOptions<ConsultationOptions> consultation)
{
    public async Task<ImportReport> Handle(ImportMemberList command, CancellationToken cancellation)
    {
        var (dryRun, importedBy) = (command.DryRun, command.ImportedBy);
        var (text, encoding) = MemberListCsv.Decode(command.File);
        await using var session = store.LightweightSession();
        var associations = await AssociationQueries.All(session, cancellation);
        var (rows, errors, count) = MemberListCsv.Read(text, consultation.Value.AllowedFields, associations);
        if (errors.Count > 0)
            return new ImportReport(encoding, count, 0, 0, 0, [.. errors.Take(ImportReport.MaxErrorsReported)], false) { ErrorCount = errors.Count };

        var keys = rows.Select(r => r.ImportKey).ToArray();
        var emails = rows.Select(r => r.Details.Email).OfType<string>().ToArray();
        var existing = await session.Query<ExpertProfile>().Where(p => keys.Contains(p.ImportKey!) || emails.Contains(p.Email!)).ToListAsync(cancellation);
        var byKey = existing.Where(p => p.ImportKey is not null).ToDictionary(p => p.ImportKey!);
        var byEmail = existing.Where(p => p.Email is not null).GroupBy(p => p.Email!).ToDictionary(g => g.Key, g => g.First());

        var now = time.GetUtcNow();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var current = byKey.GetValueOrDefault(row.ImportKey) ?? (row.Details.Email is { } email ? byEmail.GetValueOrDefault(email) : null);
            var id = current?.Id ?? Guid.CreateVersion7();
            var events = SaveProfile.Decide(current, new SaveProfile(id, null, row.ImportKey, row.Details, row.Consent, importedBy), now).Events;
            if (current is null) created++;
            else if (events.Count > 0) updated++;
            else unchanged++;
            if (dryRun || events.Count == 0) continue;
            if (current is null) session.Events.StartStream<ExpertProfile>(id, events);
            else session.Events.Append(id, events);
        }
        if (!dryRun) await session.SaveChangesAsync(cancellation);
        return new ImportReport(encoding, count, created, updated, unchanged, [], !dryRun);
    }
}

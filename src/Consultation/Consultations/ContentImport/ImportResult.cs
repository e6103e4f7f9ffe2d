namespace Nq45Consult.Consultation.Consultations.ContentImport;

/// <summary>What importing one file did: created, updated (a new version), unchanged, or why it failed.</summary>
public sealed record ImportResult(string File, string? Slug, string Outcome, bool Succeeded = true);

using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>
/// A moderator or official fills the letterhead of the acceptance report before exporting it: issuing body, number and
/// symbol (<c>12/BC-SKHCN</c>), place, date, signer's position and name, recipients. Each text is optional (blank keeps
/// the report's default, <see cref="Letterhead"/>); setting again replaces every field.
/// </summary>
public sealed record SetReportDetails(
    Guid ConsultationId,
    string? IssuingBody,
    string? Number,
    string? Place,
    DateOnly? Date,
    string? SignerPosition,
    string? SignerName,
    IReadOnlyList<string>? Recipients,
    Caller Caller)
{
    public const int MaxLineLength = 200;
    public const int MaxNumberLength = 60;
    public const int MaxSignerLines = 3;
    public const int MaxRecipients = 30;

    public static Decision Decide(ConsultationState state, SetReportDetails command, DateTimeOffset now)
    {
        if (!command.Caller.IsReviewer) return Decision.Forbid(DomainText.ReportDetailsModeratorsOrOfficialsOnly);
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(command.IssuingBody, "issuingBody", MaxLineLength, required: false, DomainText.LabelIssuingBody, errors);
        TextRules.Check(command.Number, "number", MaxNumberLength, required: false, DomainText.LabelNumberAndSymbol, errors);
        TextRules.Check(command.Place, "place", MaxLineLength, required: false, DomainText.LabelPlace, errors);
        TextRules.Check(command.SignerPosition, "signerPosition", MaxLineLength, required: false, DomainText.LabelSignerPosition, errors);
        TextRules.Check(command.SignerName, "signerName", MaxLineLength, required: false, DomainText.LabelSignerName, errors);
        if (Lines(command.SignerPosition).Count > MaxSignerLines && !errors.ContainsKey("signerPosition"))
            errors["signerPosition"] = [DomainText.SignerPositionLines(MaxSignerLines)];
        foreach (var (field, text) in new[] { ("issuingBody", command.IssuingBody), ("number", command.Number), ("place", command.Place), ("signerName", command.SignerName) })
            if (!errors.ContainsKey(field) && Lines(text).Count > 1) errors[field] = [DomainText.OneLineOnly];
        var recipients = (command.Recipients ?? []).Select(r => r?.Trim() ?? "").Where(r => r.Length > 0).ToList();
        if (recipients.Count > MaxRecipients) errors["recipients"] = [DomainText.RecipientsTooMany(MaxRecipients)];
        else if (recipients.Any(r => r.Length > MaxLineLength || !TextRules.IsStorable(r) || r.Contains('\n')))
            errors["recipients"] = [DomainText.RecipientLineTooLong(MaxLineLength)];
        if (errors.Count > 0) return Decision.Invalid(errors);
        return Decision.Accept(new ReportDetailsSet(
            state.Id, Clean(command.IssuingBody), Clean(command.Number), Clean(command.Place), command.Date,
            string.Join('\n', Lines(command.SignerPosition)), Clean(command.SignerName), recipients, command.Caller.UserName, now));
    }

    private static string Clean(string? text) => text?.Trim() ?? "";

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}

/// <summary>Loads the consultation's stream, decides, appends.</summary>
public sealed class SetReportDetailsHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(SetReportDetails command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<ConsultationState>(command.ConsultationId, cancellation);
        if (stream.Aggregate is not { } state) return Decision.NotFound(DomainText.ConsultationNotFound);
        var decision = SetReportDetails.Decide(state, command, time.GetUtcNow());
        if (!decision.Accepted) return decision;
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}

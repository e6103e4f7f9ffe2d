using System.Text;

namespace Nq45Consult.Consultation.Consultations;

/// <summary>
/// The editable details of a consultation as a caller sends them. <see cref="Validate"/> turns them,
/// once, into <see cref="Valid"/> details or field errors; nothing downstream re-checks.
/// </summary>
public sealed record ConsultationDetailsInput(
    string? Title,
    string? Summary,
    string? DraftingAgency,
    string? DocumentType,
    IReadOnlyList<string>? Fields,
    string? Audience,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt)
{
    public const int MaxTitleLength = 300;

    /// <summary>
    /// The agency that drafts the document (<see cref="DraftingAgencies"/>): optional. Left out when editing, the
    /// consultation keeps the one it names.
    /// </summary>
    public Guid? DraftingAgencyId { get; init; }
    public const int MaxSummaryLength = 4_000;

    public sealed record Valid(
        string Title,
        string Summary,
        string DraftingAgency,
        DocumentType DocumentType,
        IReadOnlyList<string> Fields,
        Audience Audience,
        DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt)
    {
        /// <summary>The agency the consultation names, checked to exist by the command's decision; null for none.</summary>
        public Guid? DraftingAgencyId { get; init; }
    }

    public (Valid? Details, IReadOnlyDictionary<string, string[]> Errors) Validate(ConsultationOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var title = Tidy(Title);
        if (title.Length == 0) Fail("title", DomainText.TitleRequired);
        else if (title.Length > MaxTitleLength) Fail("title", DomainText.TitleTooLong(MaxTitleLength));

        var summary = Tidy(Summary);
        if (summary.Length > MaxSummaryLength) Fail("summary", DomainText.SummaryTooLong(MaxSummaryLength));

        var agency = Tidy(DraftingAgency);
        if (agency.Length > MaxTitleLength) Fail("draftingAgency", DomainText.AgencyNameTooLong(MaxTitleLength));

        var documentType = Consultations.DocumentType.Policy;
        if (!string.IsNullOrWhiteSpace(DocumentType) && !KebabCase.TryParse(DocumentType, out documentType))
            Fail("documentType", DomainText.DocumentTypeMustBeOneOf(KebabCase.Names<DocumentType>()));

        var audience = Consultations.Audience.Public;
        if (!string.IsNullOrWhiteSpace(Audience) && !KebabCase.TryParse(Audience, out audience))
            Fail("audience", DomainText.AudienceMustBeOneOf(KebabCase.Names<Audience>()));

        var fields = new List<string>();
        foreach (var field in Fields ?? [])
        {
            var known = options.AllowedFields.FirstOrDefault(f => string.Equals(f, Tidy(field), StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                Fail("fields", DomainText.FieldNotInListChoose(field, string.Join(", ", options.AllowedFields)));
                break;
            }
            if (!fields.Contains(known)) fields.Add(known);
        }

        if (OpensAt is null) Fail("opensAt", DomainText.OpensAtRequired);
        if (ClosesAt is null) Fail("closesAt", DomainText.ClosesAtRequired);
        else if (OpensAt is not null && ClosesAt <= OpensAt) Fail("closesAt", DomainText.ClosesAfterOpens);

        return errors.Count > 0
            ? (null, errors)
            : (new Valid(title, summary, agency, documentType, fields, audience, OpensAt!.Value, ClosesAt!.Value) { DraftingAgencyId = DraftingAgencyId }, errors);
    }

    /// <summary>A warning, not an error, when the window is shorter than the minimum set for its document type.</summary>
    public static IReadOnlyList<string> Warnings(Valid details, ConsultationOptions options)
    {
        var minimum = options.MinimumDaysFor(details.DocumentType);
        var days = (details.ClosesAt - details.OpensAt).TotalDays;
        return minimum is { } min && days < min
            ? [DomainText.ConsultationPeriodShort(Math.Floor(days), min, KebabCase.Name(details.DocumentType))]
            : [];
    }

    private static string Tidy(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);
}

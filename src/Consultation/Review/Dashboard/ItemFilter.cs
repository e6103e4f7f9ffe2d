using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Review.Dashboard;

/// <summary>
/// What officials narrow the items to. <see cref="Section"/> "" means general remarks (no section);
/// <see cref="Field"/> is a field of expertise of the author as the item's snapshot holds it;
/// <see cref="Search"/> matches the argument and the proposed wording, ignoring case and Vietnamese diacritics.
/// </summary>
public sealed record ItemFilter(
    string? Section = null,
    Stance? Stance = null,
    FeedbackStatus? Status = null,
    bool? Responded = null,
    bool? HasProposedText = null,
    string? Search = null,
    string? Field = null)
{
    public const int MaxSearchLength = 200;
    public const int PageSize = 100;

    /// <summary>Reads the filter from query-string text; bad values are named in <paramref name="errors"/>.</summary>
    public static ItemFilter From(
        string? section, string? stance, string? status, string? responded, string? hasProposedText, string? search, string? field,
        IReadOnlyList<string> fields, Dictionary<string, string[]> errors)
    {
        string? wantedField = null;
        if (!string.IsNullOrWhiteSpace(field))
        {
            wantedField = fields.FirstOrDefault(f => string.Equals(f, field.Trim(), StringComparison.OrdinalIgnoreCase));
            if (wantedField is null) errors["field"] = [DomainText.FieldMustBeOneOf(string.Join(", ", fields))];
        }
        Stance? wantedStance = null;
        if (!string.IsNullOrEmpty(stance))
        {
            if (KebabCase.TryParse<Stance>(stance, out var parsed)) wantedStance = parsed;
            else errors["stance"] = [DomainText.StanceMustBeOneOf(KebabCase.Names<Stance>())];
        }
        FeedbackStatus? wantedStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (KebabCase.TryParse<FeedbackStatus>(status, out var parsed)) wantedStatus = parsed;
            else errors["status"] = [DomainText.StatusMustBeOneOf(KebabCase.Names<FeedbackStatus>())];
        }
        if (search is { Length: > MaxSearchLength }) errors["q"] = [DomainText.KeywordTooLong(MaxSearchLength)];
        else if (search is not null && !TextRules.IsStorable(search)) errors["q"] = [TextRules.InvalidCharacters];
        return new ItemFilter(
            section, wantedStance, wantedStatus, YesNo(responded, "responded", errors), YesNo(hasProposedText, "hasProposedText", errors),
            string.IsNullOrWhiteSpace(search) ? null : search, wantedField);
    }

    private static bool? YesNo(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (bool.TryParse(text, out var value)) return value;
        errors[field] = [DomainText.MustBeTrueOrFalse];
        return null;
    }
}

using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Search;

/// <summary>
/// One search: the words (diacritics optional; <c>"…"</c> for a phrase, <c>or</c>, <c>-word</c> to exclude), the kinds
/// of text, and the consultations to look in (one by id or slug, by status, by field), a page of results.
/// </summary>
public sealed record SearchRequest(
    string Query, IReadOnlyList<string> Kinds, string? Consultation, ConsultationStatus? Status, string? Field, int Page, int PageSize)
{
    public const int MaxQueryLength = 200, DefaultPageSize = 20, MaxPageSize = 50, MaxPage = 1000;

    public static readonly IReadOnlyList<string> AllKinds = [SearchIndex.Draft, SearchIndex.Feedback, SearchIndex.Response];

    /// <summary>The query folded as the index is: lower case, no diacritics, đ as d.</summary>
    public string Folded => TextFold.Fold(Query);

    /// <summary>Reads the query string's values; errors name the parameter at fault. <paramref name="kind"/> may list several, comma-separated.</summary>
    public static (SearchRequest? Request, Dictionary<string, string[]> Errors) Parse(
        string? q, string? kind, string? consultation, string? status, string? field, string? page, string? pageSize, IReadOnlyList<string> allowedFields)
    {
        var errors = new Dictionary<string, string[]>();
        var query = q?.Trim() ?? "";
        if (Highlighting.Terms(query).Count == 0) errors["q"] = [DomainText.SearchWordsRequired];
        else if (query.Length > MaxQueryLength) errors["q"] = [DomainText.KeywordTooLong(MaxQueryLength)];
        var kinds = (kind ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => k.ToLowerInvariant()).Distinct().ToList();
        if (kinds.Any(k => !AllKinds.Contains(k))) errors["kind"] = [DomainText.SearchKindInvalid(string.Join(", ", AllKinds))];
        ConsultationStatus? wantedStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (KebabCase.TryParse<ConsultationStatus>(status, out var s)) wantedStatus = s;
            else errors["status"] = [DomainText.SearchStatusInvalid(KebabCase.Names<ConsultationStatus>())];
        }
        string? knownField = null;
        if (!string.IsNullOrWhiteSpace(field))
        {
            knownField = allowedFields.FirstOrDefault(f => string.Equals(f, field.Trim(), StringComparison.OrdinalIgnoreCase));
            if (knownField is null) errors["field"] = [DomainText.FieldNotInList(field)];
        }
        var pageNumber = Positive(page, "page", 1, errors);
        var size = Positive(pageSize, "pageSize", DefaultPageSize, errors);
        if (pageNumber > MaxPage) errors["page"] = [DomainText.SearchMaxPage(MaxPage)];
        if (size > MaxPageSize) errors["pageSize"] = [DomainText.SearchMaxPageSize(MaxPageSize)];
        return errors.Count > 0
            ? (null, errors)
            : (new SearchRequest(query, kinds.Count == 0 ? AllKinds : kinds, string.IsNullOrWhiteSpace(consultation) ? null : consultation.Trim(),
                wantedStatus, knownField, pageNumber, size), errors);
    }

    private static int Positive(string? text, string name, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1) return value;
        errors[name] = [DomainText.PositiveIntegerRequired];
        return fallback;
    }
}

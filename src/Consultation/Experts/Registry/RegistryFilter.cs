using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Experts.Registry;

/// <summary>What moderators look for in the registry; every part is optional.</summary>
public sealed record RegistryFilter(
    string? Field = null, Degree? Degree = null, AcademicTitle? Title = null, Guid? Association = null, bool? InProvince = null, string? Text = null)
{
    public const int MaxPageSize = 200;
    public const int MaxTextLength = 200;

    /// <summary>The folded words of the free text; each must appear in a profile's search text.</summary>
    public IReadOnlyList<string> Words => ExpertVocabulary.Fold(Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>No condition at all: the whole registry.</summary>
    public bool IsEmpty => Field is null && Degree is null && Title is null && Association is null && InProvince is null && Words.Count == 0;

    /// <summary>Reads the query string's values; errors name the parameter at fault.</summary>
    public static (RegistryFilter? Filter, Dictionary<string, string[]> Errors) Parse(
        string? field, string? degree, string? title, string? association, string? inProvince, string? text, IReadOnlyList<string> allowedFields)
    {
        var errors = new Dictionary<string, string[]>();
        string? knownField = null;
        if (!string.IsNullOrWhiteSpace(field))
        {
            knownField = allowedFields.FirstOrDefault(f => string.Equals(f, field.Trim(), StringComparison.OrdinalIgnoreCase));
            if (knownField is null) errors["field"] = [DomainText.FieldNotInList(field)];
        }
        Degree? wantedDegree = null;
        if (!string.IsNullOrWhiteSpace(degree))
        {
            if (ExpertVocabulary.TryParse(degree, out Degree d)) wantedDegree = d;
            else errors["degree"] = [DomainText.DegreeInvalidChoose(KebabCase.Names<Degree>())];
        }
        AcademicTitle? wantedTitle = null;
        if (!string.IsNullOrWhiteSpace(title))
        {
            if (ExpertVocabulary.TryParse(title, out AcademicTitle t)) wantedTitle = t;
            else errors["title"] = [DomainText.AcademicTitleInvalidChoose(KebabCase.Names<AcademicTitle>())];
        }
        Guid? wantedAssociation = null;
        if (!string.IsNullOrWhiteSpace(association))
        {
            if (Guid.TryParse(association, out var id)) wantedAssociation = id;
            else errors["association"] = [DomainText.AssociationIdInvalid];
        }
        bool? wantedInProvince = null;
        if (!string.IsNullOrWhiteSpace(inProvince))
        {
            if (bool.TryParse(inProvince, out var inside)) wantedInProvince = inside;
            else errors["inProvince"] = [DomainText.MustBeTrueOrFalse];
        }
        if (text?.Length > MaxTextLength) errors["q"] = [DomainText.KeywordTooLong(MaxTextLength)];
        return errors.Count > 0
            ? (null, errors)
            : (new RegistryFilter(knownField, wantedDegree, wantedTitle, wantedAssociation, wantedInProvince, text), errors);
    }
}

public sealed record RegistryPage(IReadOnlyList<Profiles.ExpertProfile> Items, int Page, int PageSize, long Total);

namespace Nq45Consult.Consultation.Recommendations;

/// <summary>Where a recommendation stands as a reader filters the list: <see cref="Overdue"/> is a routed one past its deadline.</summary>
public enum RecommendationStage
{
    Submitted,
    Routed,
    Overdue,
    Answered,
}

/// <summary>What a reader narrows the list of recommendations to; every part is optional.</summary>
public sealed record RecommendationFilter(RecommendationStage? Stage = null, string? Field = null)
{
    public static readonly RecommendationFilter None = new();

    /// <summary>Reads the query string's <c>status</c> and <c>field</c>; errors name the parameter at fault.</summary>
    public static (RecommendationFilter? Filter, Dictionary<string, string[]> Errors) Parse(string? status, string? field)
    {
        var errors = new Dictionary<string, string[]>();
        RecommendationStage? stage = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (KebabCase.TryParse<RecommendationStage>(status.Trim(), out var known)) stage = known;
            else errors["status"] = [DomainText.RecommendationStatusFilterInvalid(KebabCase.Names<RecommendationStage>())];
        }
        var wanted = string.IsNullOrWhiteSpace(field) ? null : field.Trim();
        if (wanted?.Length > Recommendation.MaxFieldLength) errors["field"] = [DomainText.RecommendationFieldName(Recommendation.MaxFieldLength)];
        return errors.Count > 0 ? (null, errors) : (new RecommendationFilter(stage, wanted), errors);
    }

    /// <summary>Whether the reading passes: its stage (a routed one past its deadline is both routed and overdue), and a field it names, case and diacritics ignored.</summary>
    public bool Matches(RecommendationReading reading)
    {
        var r = reading.Recommendation;
        var stageMatches = Stage switch
        {
            null => true,
            RecommendationStage.Overdue => reading.Overdue,
            RecommendationStage.Submitted => r.Status == RecommendationStatus.Submitted,
            RecommendationStage.Routed => r.Status == RecommendationStatus.Routed,
            _ => r.Status == RecommendationStatus.Answered,
        };
        return stageMatches && (Field is null || r.Fields.Any(f => TextFold.Fold(f) == TextFold.Fold(Field)));
    }
}

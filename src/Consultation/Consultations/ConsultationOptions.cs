namespace Nq45Consult.Consultation.Consultations;

/// <summary>Settings of consultations (<c>Consultation</c> section): rules that change with the law or the province.</summary>
public sealed class ConsultationOptions
{
    public const string Section = "Consultation";

    public static readonly IReadOnlyList<string> DefaultFields =
    [
        "giáo dục và đào tạo", "khoa học và công nghệ", "y tế", "công nghiệp",
        "thương mại", "dịch vụ", "đô thị", "công nghệ thông tin", "khác",
    ];

    /// <summary>Fields of expertise a consultation may name; null means <see cref="DefaultFields"/>.</summary>
    public List<string>? Fields { get; set; }

    /// <summary>Minimum consultation period in days per document type, keyed by its kebab-case name.</summary>
    public Dictionary<string, int> MinimumDays { get; set; } = [];

    /// <summary>How often open consultations past their closing time are closed.</summary>
    public TimeSpan CloseCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> AllowedFields => Fields is { Count: > 0 } ? Fields : DefaultFields;

    public int? MinimumDaysFor(DocumentType type) =>
        MinimumDays.TryGetValue(KebabCase.Name(type), out var days) ? days : null;

    /// <summary>Problems with the settings themselves, checked at start.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (key, days) in MinimumDays)
        {
            if (!KebabCase.TryParse<DocumentType>(key, out _))
                yield return $"{Section}:MinimumDays:{key} is not a document type ({KebabCase.Names<DocumentType>()}).";
            if (days < 0)
                yield return $"{Section}:MinimumDays:{key} must not be negative.";
        }
        if (AllowedFields.Any(string.IsNullOrWhiteSpace))
            yield return $"{Section}:Fields must not hold empty names.";
        if (CloseCheckInterval <= TimeSpan.Zero)
            yield return $"{Section}:CloseCheckInterval must be positive.";
    }
}

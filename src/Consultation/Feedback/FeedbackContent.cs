using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Feedback;

/// <summary>The validated substance of an item: what it quotes, its stance, the wording proposed and why.</summary>
public sealed record FeedbackContent(
    Quote? Quote,
    Stance Stance,
    string? ProposedText,
    string Rationale,
    IReadOnlyList<Reference> References,
    Attribution Attribution)
{
    public const int MaxRationaleLength = 20_000;
    public const int MaxProposedTextLength = 20_000;
    public const int MaxReferences = 20;
    public const int MaxReferenceTitleLength = 500;
    public const int MaxUrlLength = 2_000;

    /// <summary>
    /// Validates <paramref name="input"/>; the quote must be an exact passage of <paramref name="sectionText"/>
    /// (null for a general remark, which cannot quote), at its offsets or, without them, found there exactly once. Returns null and fills <paramref name="errors"/> when bad.
    /// </summary>
    public static FeedbackContent? From(FeedbackInput input, string? sectionText, Dictionary<string, string[]> errors)
    {
        if (!KebabCase.TryParse<Stance>(input.Stance, out var stance))
            errors["stance"] = [DomainText.StanceMustBeOneOf(KebabCase.Names<Stance>())];
        if (!KebabCase.TryParse<Attribution>(input.Attribution, out var attribution))
            errors["attribution"] = [DomainText.AttributionMustBeOneOf(KebabCase.Names<Attribution>())];
        TextRules.Check(input.Rationale, "rationale", MaxRationaleLength, required: true, DomainText.LabelRationale, errors);
        TextRules.Check(input.ProposedText, "proposedText", MaxProposedTextLength, required: false, DomainText.LabelProposedText, errors);
        var quote = QuoteOf(input.Quote, sectionText, errors);
        var references = ReferencesOf(input.References ?? [], errors);
        if (errors.Count > 0) return null;
        return new FeedbackContent(
            quote, stance, string.IsNullOrWhiteSpace(input.ProposedText) ? null : input.ProposedText,
            input.Rationale!, references, attribution);
    }

    private static Quote? QuoteOf(QuoteInput? quote, string? sectionText, Dictionary<string, string[]> errors)
    {
        if (quote is null) return null;
        if (sectionText is null)
        {
            errors["quote"] = [DomainText.QuoteNeedsSection];
            return null;
        }
        if (string.IsNullOrEmpty(quote.Text))
        {
            errors["quote"] = [DomainText.QuoteNeedsText];
            return null;
        }
        if (quote.Start is null && quote.End is null)
        {
            var located = QuoteLocation.Locate(quote.Text, sectionText, out var occurrences);
            if (located is null)
                errors["quote"] = [occurrences == 0
                    ? DomainText.QuoteNotFound
                    : DomainText.QuoteAmbiguous(occurrences)];
            return located;
        }
        if (quote.Start is not { } start || quote.End is not { } end)
        {
            errors["quote"] = [DomainText.QuoteNeedsBothPositions];
            return null;
        }
        var exact = start >= 0 && end > start && end <= sectionText.Length && quote.Text.Length == end - start
            && string.CompareOrdinal(sectionText, start, quote.Text, 0, end - start) == 0;
        if (!exact)
        {
            errors["quote"] = [DomainText.QuoteDoesNotMatch];
            return null;
        }
        return new Quote(quote.Text, start, end);
    }

    private static List<Reference> ReferencesOf(IReadOnlyList<ReferenceInput> references, Dictionary<string, string[]> errors)
    {
        if (references.Count > MaxReferences)
        {
            errors["references"] = [DomainText.TooManyReferences(MaxReferences)];
            return [];
        }
        var valid = new List<Reference>();
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            TextRules.Check(reference?.Title, $"references[{i}].title", MaxReferenceTitleLength, required: true, DomainText.LabelReferenceTitle, errors);
            var url = reference?.Url?.Trim();
            if (string.IsNullOrEmpty(url) || url.Length > MaxUrlLength
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors[$"references[{i}].url"] = [DomainText.ReferenceUrlInvalid];
            else if (reference!.Title is { } title) valid.Add(new Reference(title, url));
        }
        return valid;
    }
}

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
            errors["stance"] = [$"Lập trường phải là một trong: {KebabCase.Names<Stance>()}."];
        if (!KebabCase.TryParse<Attribution>(input.Attribution, out var attribution))
            errors["attribution"] = [$"Hình thức ghi danh phải là một trong: {KebabCase.Names<Attribution>()}."];
        TextRules.Check(input.Rationale, "rationale", MaxRationaleLength, required: true, "Lý do, luận cứ", errors);
        TextRules.Check(input.ProposedText, "proposedText", MaxProposedTextLength, required: false, "Nội dung đề xuất", errors);
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
            errors["quote"] = ["Chỉ trích dẫn được khi góp ý cho một mục cụ thể của dự thảo."];
            return null;
        }
        if (string.IsNullOrEmpty(quote.Text))
        {
            errors["quote"] = ["Trích dẫn cần có đoạn văn bản."];
            return null;
        }
        if (quote.Start is null && quote.End is null)
        {
            var located = QuoteLocation.Locate(quote.Text, sectionText, out var occurrences);
            if (located is null)
                errors["quote"] = [occurrences == 0
                    ? "Không tìm thấy đoạn trích dẫn trong văn bản của mục này."
                    : $"Đoạn trích dẫn xuất hiện {occurrences} lần trong mục này: hãy trích dài hơn, hoặc gửi kèm vị trí bắt đầu, kết thúc."];
            return located;
        }
        if (quote.Start is not { } start || quote.End is not { } end)
        {
            errors["quote"] = ["Trích dẫn cần có cả vị trí bắt đầu và kết thúc, hoặc không có vị trí nào."];
            return null;
        }
        var exact = start >= 0 && end > start && end <= sectionText.Length && quote.Text.Length == end - start
            && string.CompareOrdinal(sectionText, start, quote.Text, 0, end - start) == 0;
        if (!exact)
        {
            errors["quote"] = ["Đoạn trích dẫn không khớp với văn bản của mục này."];
            return null;
        }
        return new Quote(quote.Text, start, end);
    }

    private static List<Reference> ReferencesOf(IReadOnlyList<ReferenceInput> references, Dictionary<string, string[]> errors)
    {
        if (references.Count > MaxReferences)
        {
            errors["references"] = [$"Tối đa {MaxReferences} tài liệu tham khảo."];
            return [];
        }
        var valid = new List<Reference>();
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            TextRules.Check(reference?.Title, $"references[{i}].title", MaxReferenceTitleLength, required: true, "Tên tài liệu", errors);
            var url = reference?.Url?.Trim();
            if (string.IsNullOrEmpty(url) || url.Length > MaxUrlLength
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors[$"references[{i}].url"] = ["Địa chỉ tài liệu phải là một URL http:// hoặc https:// hợp lệ."];
            else if (reference!.Title is { } title) valid.Add(new Reference(title, url));
        }
        return valid;
    }
}

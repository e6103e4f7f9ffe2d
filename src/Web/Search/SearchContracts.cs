using Nq45Consult.Consultation.Search;

namespace Nq45Consult.Web.Search;

/// <summary>
/// A page of results of <c>GET /api/search</c>, best first; <see cref="Total"/> counts every match, or, when
/// <see cref="MoreThanTotal"/> is true, the matches ranked (more matched: narrow the search to see the rest).
/// </summary>
public sealed record SearchResponse(string Query, int Page, int PageSize, long Total, IReadOnlyList<SearchHitView> Hits, bool MoreThanTotal)
{
    public static SearchResponse Of(SearchResults results) => new(
        results.Request.Query, results.Request.Page, results.Request.PageSize, results.Total, [.. results.Hits.Select(SearchHitView.Of)], results.MoreThanTotal);
}

/// <summary>
/// One result. <see cref="HeadingHtml"/> (the section's number and heading) and <see cref="SnippetHtml"/> (the text
/// around the match) are HTML-encoded with the matching words in <c>&lt;mark&gt;</c>; <see cref="Url"/> is the section's
/// anchor or the item on the consultation's page.
/// </summary>
public sealed record SearchHitView(
    string Kind, Guid ConsultationId, string ConsultationSlug, string ConsultationTitle, string? SectionAnchor,
    string HeadingHtml, string SnippetHtml, string Url, double Rank, SearchItemView? Item)
{
    public static SearchHitView Of(SearchHit hit) => new(
        hit.Kind, hit.Consultation.Id, hit.Consultation.Slug, hit.Consultation.Title, hit.Anchor.Length == 0 ? null : hit.Anchor,
        hit.Heading.Html, hit.Snippet.Html, hit.Url, hit.Rank,
        hit.Item is { } item
            ? new(item.Id, item.AuthorName, KebabCase.Name(item.Stance), KebabCase.Name(item.Status), item.Decision is { } d ? KebabCase.Name(d) : null)
            : null);
}

/// <summary>The feedback item of a hit: its author as the caller may see them ("Ẩn danh" for an anonymous one), stance, status, and the response's decision for a response.</summary>
public sealed record SearchItemView(Guid Id, string AuthorName, string Stance, string Status, string? Decision);

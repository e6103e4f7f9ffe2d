namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>
/// Nesting order of numbered sections: a section closes every open section of equal or
/// higher rank and becomes the child of the nearest one with a lower rank.
/// Plans and laws share the scale, so mixed documents still nest sensibly.
/// </summary>
internal static class SectionRank
{
    private const int Top = 10;
    private const int LegalSection = 20;
    private const int Article = 30;
    private const int Item = 40;
    private const int Point = 50;

    /// <summary>A roman part written inside an article: below the article, above its clauses.</summary>
    public const int PartOfArticle = Article + 1;

    /// <summary>A bold line reads like an item title in the plans we know.</summary>
    public const int BoldLine = Item;

    public static int Of(NumberedLine line) => line.Kind switch
    {
        SectionKind.Part or SectionKind.Chapter => Top,
        SectionKind.LegalSection => LegalSection,
        SectionKind.Article => Article,
        // "1.2." sits below "1.": one step per extra level of numbering.
        SectionKind.Item => Item + line.Number.Count(c => c == '.'),
        _ => Point,
    };

    public static int OfItem(string number) => Of(new NumberedLine(SectionKind.Item, number, "", 0));

    /// <summary>Unnumbered Markdown headings: ## is a part, ### an item, deeper a point.</summary>
    public static int OfHeadingLevel(int level) => level switch
    {
        <= 2 => Top,
        3 => Item,
        _ => Point,
    };
}

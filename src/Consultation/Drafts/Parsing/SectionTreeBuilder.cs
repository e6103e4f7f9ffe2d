using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>
/// Walks the Markdig syntax tree in document order and cuts it into sections.
/// The walk keeps its own stack of containers, so list nesting depth costs heap, not call stack.
/// </summary>
internal sealed class SectionTreeBuilder
{
    /// <summary>Longer bold paragraphs are emphasised prose, not titles.</summary>
    private const int MaxBoldTitleLength = 200;

    /// <summary>"1. Mục đích" is a title; a numbered sentence is the clause itself.</summary>
    private const int MaxPlainTitleLength = 120;

    private readonly List<PendingSection> _sections = [];
    private readonly SectionAnchors _anchors = new();

    public static IReadOnlyList<PendingSection> Build(MarkdownDocument document) => new SectionTreeBuilder().Walk(document);

    private List<PendingSection> Walk(MarkdownDocument document)
    {
        var frames = new Stack<Frame>();
        frames.Push(new Frame(document, 0, new SectionScope(null)));
        while (frames.TryPeek(out var frame))
        {
            if (frame.Next >= frame.Container.Count)
            {
                frames.Pop();
                continue;
            }

            var block = frame.Container[frame.Next++];
            switch (block)
            {
                case HeadingBlock heading:
                    OnHeading(heading, frame.Scope);
                    break;
                case ParagraphBlock paragraph:
                    OnParagraph(paragraph, frame.Scope);
                    break;
                case ListBlock list:
                    frames.Push(new Frame(list, 0, frame.Scope));
                    break;
                case ListItemBlock item:
                    frames.Push(OnListItem(item, ((ListBlock)frame.Container).IsOrdered, frame.Scope));
                    break;
                case ThematicBreakBlock or LinkReferenceDefinitionGroup:
                    break;
                default:
                    AppendBody(block, frame.Scope);
                    break;
            }
        }

        return _sections;
    }

    private void OnHeading(HeadingBlock heading, SectionScope scope)
    {
        var text = MarkdownText.Of(heading.Inline);
        if (SectionNumbering.Match(text) is { } line)
        {
            OpenRanked(scope, line.Kind, SectionRank.Of(line), line.Number, line.Title);
        }
        else
        {
            OpenRanked(scope, SectionKind.Titled, SectionRank.OfHeadingLevel(heading.Level), "", text);
        }
    }

    private void OnParagraph(ParagraphBlock paragraph, SectionScope scope)
    {
        var text = MarkdownText.Of(paragraph.Inline);
        var isBoldTitle = IsBoldTitle(paragraph, text);
        if (SectionNumbering.Match(text) is { } line)
        {
            // Parts, chapters and articles are titles; "1." and "a)" paragraphs usually carry the clause text itself.
            var isTitle = line.Kind is not (SectionKind.Item or SectionKind.Point) || IsItemTitle(paragraph, text);
            var section = OpenRanked(scope, line.Kind, SectionRank.Of(line), line.Number, isTitle ? line.Title : "");
            if (!isTitle)
            {
                StripNumbering(paragraph, text, line.PrefixLength);
                section.Body.Add(paragraph);
            }
        }
        else if (isBoldTitle)
        {
            OpenRanked(scope, SectionKind.Titled, SectionRank.BoldLine, "", text);
        }
        else
        {
            AppendBody(paragraph, scope);
        }
    }

    private Frame OnListItem(ListItemBlock item, bool ordered, SectionScope scope)
    {
        var lead = item.Count > 0 ? item[0] as ParagraphBlock : null;
        PendingSection section;
        if (ordered)
        {
            // Numbered items stay open after their list ends, so the paragraphs and bullets
            // that plans write below "1. Mục đích" belong to that item.
            var number = item.Order.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var leadText = lead is null ? "" : MarkdownText.Of(lead.Inline);
            var title = lead is not null && IsItemTitle(lead, leadText) ? leadText : null;
            section = OpenRanked(scope, SectionKind.Item, SectionRank.OfItem(number), number, title ?? "");
            if (title is not null)
            {
                return new Frame(item, 1, new SectionScope(section));
            }
        }
        else
        {
            section = Create(SectionKind.Bullet, "", "", scope.Current);
        }

        if (lead is not null)
        {
            section.Body.Add(lead);
        }

        return new Frame(item, lead is null ? 0 : 1, new SectionScope(section));
    }

    private void AppendBody(Block block, SectionScope scope)
    {
        var owner = scope.Current ?? Create(SectionKind.Paragraph, "", "", null);
        owner.Body.Add(block);
    }

    private PendingSection OpenRanked(SectionScope scope, SectionKind kind, int rank, string number, string heading)
    {
        // A resolution's "Điều 1. Thông qua kế hoạch… I. MỤC TIÊU": roman parts after an article opened belong to it.
        if (kind is SectionKind.Part && !number.StartsWith("Phần ", StringComparison.Ordinal) && InsideArticle(scope.Current))
        {
            rank = SectionRank.PartOfArticle;
        }

        var section = Create(kind, number, heading, scope.CloseUntilParentOf(rank));
        scope.Open(section, rank);
        return section;
    }

    private PendingSection Create(SectionKind kind, string number, string heading, PendingSection? parent)
    {
        if (_sections.Count >= DraftLimits.MaxSections)
        {
            throw new DraftTooLargeException(
                DraftLimit.SectionCount,
                $"The draft has more than {DraftLimits.MaxSections:N0} sections; split it into several drafts.");
        }

        while (parent is not null && parent.Level >= DraftLimits.MaxLevel)
        {
            parent = parent.Parent;
        }

        var section = new PendingSection(kind, number, heading, parent, _sections.Count);
        section.Anchor = _anchors.Assign(section);
        _sections.Add(section);
        return section;
    }

    private static bool InsideArticle(PendingSection? section)
    {
        for (; section is not null; section = section.Parent)
        {
            if (section.Kind is SectionKind.Article) return true;
        }

        return false;
    }

    private static bool IsBoldTitle(ParagraphBlock paragraph, string text) =>
        text.Length <= MaxBoldTitleLength && IsBoldOnly(paragraph);

    /// <summary>A numbered line is a title when bold, or short and not ended like a sentence or clause.</summary>
    private static bool IsItemTitle(ParagraphBlock paragraph, string text) =>
        IsBoldTitle(paragraph, text)
        || (text.Length is > 0 and <= MaxPlainTitleLength && text[^1] is not ('.' or ';' or ':' or ','));

    private static bool IsBoldOnly(ParagraphBlock paragraph)
    {
        var meaningful = 0;
        var bold = false;
        for (var child = paragraph.Inline?.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())
            {
                continue;
            }

            meaningful++;
            bold = child is EmphasisInline { DelimiterCount: >= 2 };
        }

        return meaningful == 1 && bold;
    }

    /// <summary>Drops "a) " from the rendered body: the number is shown from <see cref="DraftSection.Number"/>.</summary>
    private static void StripNumbering(ParagraphBlock paragraph, string text, int prefixLength)
    {
        var prefix = text.AsSpan(0, prefixLength).TrimEnd();
        if (paragraph.Inline?.FirstChild is LiteralInline literal && literal.Content.AsSpan().StartsWith(prefix))
        {
            literal.Content.Start += prefix.Length;
            literal.Content.TrimStart();
        }
    }

    private sealed class Frame(ContainerBlock container, int next, SectionScope scope)
    {
        public ContainerBlock Container { get; } = container;

        public int Next { get; set; } = next;

        public SectionScope Scope { get; } = scope;
    }
}

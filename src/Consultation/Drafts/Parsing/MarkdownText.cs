using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>
/// Plain text of Markdig nodes. Walks with an explicit stack because drafts may nest
/// blocks and inlines deeper than the call stack should be trusted with.
/// </summary>
internal static class MarkdownText
{
    public static string Of(IEnumerable<Block> blocks)
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            AppendBlock(text, block);
        }

        return text.ToString().Trim();
    }

    public static string Of(ContainerInline? inline)
    {
        var text = new StringBuilder();
        AppendInlines(text, inline);
        return Collapse(text.ToString());
    }

    private static void AppendBlock(StringBuilder text, Block root)
    {
        var pending = new Stack<Block>();
        pending.Push(root);
        while (pending.TryPop(out var block))
        {
            switch (block)
            {
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        pending.Push(container[i]);
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    AppendLine(text, Of(inline));
                    break;
                case LeafBlock leaf:
                    AppendLine(text, leaf.Lines.ToString());
                    break;
            }
        }
    }

    private static void AppendLine(StringBuilder text, string line)
    {
        if (line.Length == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(line);
    }

    private static void AppendInlines(StringBuilder text, ContainerInline? root)
    {
        if (root is null)
        {
            return;
        }

        var pending = new Stack<Inline>();
        PushChildren(pending, root);
        while (pending.TryPop(out var inline))
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline container:
                    PushChildren(pending, container);
                    break;
            }
        }
    }

    private static void PushChildren(Stack<Inline> pending, ContainerInline container)
    {
        var children = new List<Inline>();
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            children.Add(child);
        }

        for (var i = children.Count - 1; i >= 0; i--)
        {
            pending.Push(children[i]);
        }
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

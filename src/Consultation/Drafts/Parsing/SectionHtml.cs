using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>Renders a section's body blocks to HTML that is safe to embed in any page.</summary>
internal sealed partial class SectionHtml
{
    /// <summary>Bodies nested deeper than this are shown as plain text: Markdig renders recursively.</summary>
    private const int MaxRenderedDepth = 32;

    // Configured once and never changed afterwards, which is what makes sharing it across threads safe.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private readonly StringWriter _writer = new();
    private readonly HtmlRenderer _renderer;

    public SectionHtml()
    {
        _renderer = new HtmlRenderer(_writer);
        DraftMarkdownPipeline.Instance.Setup(_renderer);
    }

    public string Render(IReadOnlyList<Block> blocks)
    {
        if (blocks.Count == 0)
        {
            return "";
        }

        _writer.GetStringBuilder().Clear();
        foreach (var block in blocks)
        {
            if (DepthOf(block) > MaxRenderedDepth)
            {
                _renderer.Write("<p>").WriteEscape(MarkdownText.Of([block])).Write("</p>");
            }
            else
            {
                _renderer.Render(block);
            }
        }

        _writer.Flush();
        return Sanitizer.Sanitize(_writer.ToString()).Trim();
    }

    private static int DepthOf(Block root)
    {
        var deepest = 0;
        var pending = new Stack<(Block Block, int Depth)>();
        pending.Push((root, 1));
        while (pending.TryPop(out var entry))
        {
            deepest = Math.Max(deepest, entry.Depth);
            if (entry.Block is ContainerBlock container)
            {
                foreach (var child in container)
                {
                    pending.Push((child, entry.Depth + 1));
                }
            }
        }

        return deepest;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowDataAttributes = false;
        // Pages allow no style attribute (Content-Security-Policy style-src 'self'): a table column's alignment,
        // the only style Markdig writes, becomes a class. An image becomes its description: the platform keeps
        // no images, and one from another server would tell it who reads the draft.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element) return;
            if (element.TagName == "IMG")
            {
                element.Replace(e.Document.CreateTextNode(element.GetAttribute("alt") ?? ""));
                return;
            }
            if (element.GetAttribute("style") is not { } style) return;
            element.RemoveAttribute("style");
            if (TextAlign().Match(style) is { Success: true } align) element.ClassList.Add("align-" + align.Groups[1].Value);
        };
        return sanitizer;
    }

    [GeneratedRegex(@"text-align:\s*(left|center|right)")]
    private static partial Regex TextAlign();
}

using System.Text;

namespace Nq45Consult.Consultation.Drafts.Reading;

/// <summary>Plain text that Markdown must show as written: emphasis, link and table characters escaped.</summary>
internal static class MarkdownEscape
{
    private const string Special = "\\`*_[]<>|#^~";

    public static string Inline(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c)) builder.Append('\\');
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The text of Markdown written by <see cref="Inline"/> and the emphasis marks of a .docx run.</summary>
    public static string Unescape(string markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\\' && i + 1 < markdown.Length && Special.Contains(markdown[i + 1]))
            {
                builder.Append(markdown[++i]);
            }
            else if (c is not ('*' or '_' or '^'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

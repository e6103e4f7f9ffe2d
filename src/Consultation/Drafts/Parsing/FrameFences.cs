using System.Text;

namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>
/// The frame of a document is written in its Markdown between fence lines, <c>::: header</c>,
/// <c>::: preamble</c> or <c>::: closing</c>, and <c>:::</c>. Fences are cut out before the sections are
/// parsed, so the frame never becomes a commentable section and survives being edited as Markdown.
/// </summary>
internal static class FrameFences
{
    public const string Header = "header";
    public const string Preamble = "preamble";
    public const string Closing = "closing";

    public static (string Body, IReadOnlyDictionary<string, string> Parts) Split(string markdown)
    {
        if (!markdown.Contains(":::", StringComparison.Ordinal))
        {
            return (markdown, new Dictionary<string, string>());
        }

        var body = new StringBuilder(markdown.Length);
        var parts = new Dictionary<string, StringBuilder>();
        StringBuilder? open = null;
        foreach (var line in markdown.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r', ' ');
            if (open is null && trimmed.StartsWith("::: ", StringComparison.Ordinal) && trimmed[4..].Trim() is Header or Preamble or Closing)
            {
                var name = trimmed[4..].Trim();
                open = parts.TryGetValue(name, out var existing) ? existing : parts[name] = new StringBuilder();
                continue;
            }

            if (open is not null && trimmed == ":::")
            {
                open = null;
                body.Append('\n');
                continue;
            }

            (open ?? body).Append(line).Append('\n');
        }

        return (body.ToString(), parts.ToDictionary(p => p.Key, p => p.Value.ToString()));
    }

    public static string Fence(string name, IEnumerable<string> paragraphs) =>
        $"::: {name}\n\n{string.Join("\n\n", paragraphs)}\n\n:::\n";
}

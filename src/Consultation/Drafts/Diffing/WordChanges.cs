using System.Net;
using System.Text;

namespace Nq45Consult.Consultation.Drafts.Diffing;

public static class WordChanges
{
    /// <summary>An HTML fragment with insertions in &lt;ins&gt; and deletions in &lt;del&gt;; all text is encoded.</summary>
    public static string ToRedlineHtml(IEnumerable<WordChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var html = new StringBuilder();
        foreach (var change in changes)
        {
            var tag = change.Kind switch
            {
                WordChangeKind.Inserted => "ins",
                WordChangeKind.Deleted => "del",
                _ => null,
            };
            var text = WebUtility.HtmlEncode(change.Text);
            html.Append(tag is null ? text : $"<{tag}>{text}</{tag}>");
        }

        return html.ToString();
    }
}

using Nq45Consult.Consultation.Search;

namespace Nq45Consult.Consultation.Tests.Search;

public class HighlightingTests
{
    [Fact]
    public void The_query_s_words_are_folded_without_the_or_operator_and_excluded_words()
    {
        Assert.Equal(["quy", "hoach", "do", "thi", "ven"], Highlighting.Terms("Quy hoạch \"ĐÔ THỊ\" or ven -biển"));
        Assert.Empty(Highlighting.Terms(" - \" "));
        Assert.Equal(["45", "nq"], Highlighting.Terms("45-NQ"));
    }

    [Fact]
    public void Words_are_marked_whatever_their_diacritics_and_the_text_is_HTML_encoded()
    {
        var marked = Highlighting.Mark("Quy hoạch <đô thị> & quý", Highlighting.Terms("quy do"));
        Assert.Equal("<mark>Quy</mark> hoạch &lt;<mark>đô</mark> thị&gt; &amp; <mark>quý</mark>", marked.Html);
        Assert.Equal("Quy hoạch <đô thị> & quý", marked.Text);
    }

    [Fact]
    public void A_snippet_is_cut_around_the_first_match_with_ellipses()
    {
        var text = string.Join(" ", Enumerable.Range(1, 100).Select(i => i == 60 ? "thủy" : $"w{i}"));
        var snippet = Highlighting.Snippet(text, Highlighting.Terms("thuy"));
        Assert.StartsWith($"…w{60 - Highlighting.WordsBefore} ", snippet.Text);
        Assert.EndsWith($"w{60 - Highlighting.WordsBefore + Highlighting.MostWords - 1}…", snippet.Text);
        Assert.Single(snippet.Runs, r => r.Match && r.Text == "thủy");
        var start = Highlighting.Snippet(text, Highlighting.Terms("nothing"));
        Assert.StartsWith("w1 w2", start.Text);
        Assert.False(start.HasMatch);
        Assert.Equal("ngắn", Highlighting.Snippet("ngắn", Highlighting.Terms("ngan")).Runs.Single(r => r.Match).Text);
    }
}

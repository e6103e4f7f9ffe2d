using System.Text;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.Consultation.Drafts.Reading;
using Nq45Consult.TestSupport.Drafts;

namespace Nq45Consult.Consultation.Tests.Drafts.Corpus;

/// <summary>
/// Real Vietnamese documents (README.md in this folder) read as pasted text, as a .txt file and as a
/// Word file with heading styles and automatic numbering: each gives exactly its expected structure.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> Documents() => new(DraftCorpus.Names());

    [Fact]
    public void The_corpus_covers_every_kind_of_document_the_issue_names()
    {
        var names = DraftCorpus.Names().ToList();
        Assert.True(names.Count >= 10, $"{names.Count} documents");
        foreach (var kind in new[] { "luat-", "nd-", "tt-", "qd-", "kh-", "nq-" })
        {
            Assert.Contains(names, n => n.StartsWith(kind, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Pasted_text_gives_the_expected_structure(string name)
    {
        var corpus = DraftCorpus.Load(name);
        Assert.Equal(DraftFormat.PlainText, DraftReader.Detect(corpus.Text));
        AssertStructure(corpus, DraftSections.Parse(corpus.Text));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_text_file_gives_the_expected_structure(string name)
    {
        var corpus = DraftCorpus.Load(name);
        var (reading, refusal) = DraftUpload.Read(name + ".txt", "text/plain", Encoding.UTF8.GetBytes(corpus.Text), "file");
        Assert.Null(refusal);
        AssertStructure(corpus, DraftSections.Parse(reading!));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_word_file_with_styles_and_numbering_gives_the_expected_structure(string name)
    {
        var corpus = DraftCorpus.Load(name);
        var (reading, refusal) = DraftUpload.Read(name + ".docx", "application/octet-stream", LegalDocx.FromText(corpus.Text), "file");
        Assert.Null(refusal);
        AssertStructure(corpus, DraftSections.Parse(reading!));
    }

    private static void AssertStructure(DraftCorpus corpus, (ParsedVersion? Draft, Decision? Refusal) parsed)
    {
        Assert.Null(parsed.Refusal);
        var draft = parsed.Draft!;
        Assert.Equal(corpus.ExpectedSections, Sections(draft));
        Assert.Equal(corpus.ExpectedFrame, Frame(draft));
        Assert.Equal(corpus.ExpectedWarnings, Warnings(draft));
    }

    internal static IEnumerable<string> Sections(ParsedVersion draft) =>
        draft.Sections.Select(s => DraftCorpus.SectionLine(s.Anchor, s.ParentAnchor, s.Number, s.Heading));

    internal static IEnumerable<string> Frame(ParsedVersion draft) =>
        DraftCorpus.FrameLines("header: ", draft.Frame.HeaderHtml)
            .Concat(DraftCorpus.FrameLines("preamble: ", draft.Frame.PreambleHtml))
            .Concat(DraftCorpus.FrameLines("closing: ", draft.Frame.ClosingHtml));

    internal static IEnumerable<string> Warnings(ParsedVersion draft) =>
        draft.Warnings.Select(w => $"{DraftCorpus.WarningPrefix}{w.Kind} {w.Anchor} {w.Detail}");
}

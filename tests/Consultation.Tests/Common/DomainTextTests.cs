using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Recording;
using Nq45Consult.Consultation.Feedback.Revising;
using Nq45Consult.Consultation.Tests.Feedback;

namespace Nq45Consult.Consultation.Tests.Common;

/// <summary>
/// What the domain says to a person (refusals, validation messages, display names) comes from DomainText's resources,
/// in the reader's language: a Vietnamese string literal in src/Consultation is text an English reader would get in
/// Vietnamese, unless it is data, listed below with the reason.
/// </summary>
public partial class DomainTextTests
{
    private static readonly string Source = Path.Combine(Repository(), "src", "Consultation");

    /// <summary>Files (or folders, ending in /) whose Vietnamese literals are data, not text for the reader.</summary>
    private static readonly string[] Allowed =
    [
        // Reads Vietnamese drafts: numbering words (Điều, Khoản, Mục…), the legal layout's patterns, names of a
        // section in the draft's own words; its few messages already carry both languages.
        "Drafts/",
        // The official report is a state document and stays Vietnamese whatever the reader's language.
        "Review/Reporting/AcceptanceReport.cs",
        "Review/Reporting/DocxReport.cs",
        "Review/Reporting/XlsxReport.cs",
        "Review/Reporting/HtmlReport.cs",
        "Review/Reporting/ReportDetails.cs",
        "Review/Reporting/ReportHeadings.cs",
        "Review/Reporting/OpinionMapSection.cs",
        "Review/Critique/CritiqueDocx.cs",
        "Review/SectionGroups.cs",
        // The minutes ("biên bản") are a state document too: their wording stays Vietnamese, and the draft is stored in events.
        "Review/Minutes/MinutesText.cs",
        // Notifications and e-mails are written in both languages at once; the outbox keeps the recipient's.
        "Notifications/NotificationTexts.cs",
        "Notifications/Delivery/NotificationEmail.cs",
        "Onboarding/OnboardingLetters.cs",
        // Seed content: demo people, agencies, associations.
        "Accounts/DemoAccounts.cs",
        "Accounts/Agencies/DemoAgencies.cs",
        "Experts/DemoExpertProfiles.cs",
        // Canonical stored values: the fields of activity, the agenda steps and change note copied into events.
        "Consultations/ConsultationOptions.cs",
        "Dialogue/Scheduling/AgendaTemplates.cs",
        "Consultations/ContentImport/ImportDraftFile.cs",
        // The spellings member lists use (PGS, ThS, ĐH, "có"/"không") and the words a search finds them by.
        "Experts/ExpertVocabulary.cs",
        "Experts/Importing/MemberListCsv.cs",
        // The public author names ("Ẩn danh", "Chuyên gia (lĩnh vực …)"), part of the API's contract and the report.
        "Feedback/FeedbackItem.cs",
        "Feedback/FeedbackValues.cs",
        // The mid-term review ("báo cáo sơ kết") is a state document and stays Vietnamese, as the official report does.
        "Indicators/Reviewing/MidTermReview.cs",
        "Indicators/Reviewing/IndicatorDescription.cs",
        "Indicators/Reviewing/ReviewXlsx.cs",
        // The default indicators' names, in Vietnamese and English, are data: the events that define them store both.
        "Indicators/Defaults/DefineDefaultIndicators.cs",
        // A case's notifications and e-mails, written in both languages at once like NotificationTexts.
        "Cases/CaseLetters.cs",
        // A review (bản nhận xét) and the critique report assembled from a case are state documents: their wording stays Vietnamese.
        "Cases/CaseReviewText.cs",
    ];

    [Fact]
    public void The_domain_says_nothing_in_Vietnamese_outside_its_resources()
    {
        var problems = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Name: Path.GetRelativePath(Source, f).Replace('\\', '/'), File: f))
            .Where(f => !f.Name.StartsWith("obj/", StringComparison.Ordinal) && !f.Name.StartsWith("bin/", StringComparison.Ordinal))
            .Where(f => !Allowed.Any(a => a.EndsWith('/') ? f.Name.StartsWith(a, StringComparison.Ordinal) : f.Name == a))
            .SelectMany(f => VietnameseLiterals(File.ReadAllText(f.File)).Select(p => $"{f.Name}:{p}"))
            .ToList();
        Assert.True(problems.Count == 0, $"Vietnamese literals outside DomainText ({problems.Count}):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_allowed_file_still_exists()
    {
        foreach (var allowed in Allowed)
            Assert.True(allowed.EndsWith('/') ? Directory.Exists(Path.Combine(Source, allowed)) : File.Exists(Path.Combine(Source, allowed)), allowed);
    }

    [Fact]
    public void The_scan_finds_literals_and_passes_comments()
    {
        Assert.NotEmpty(VietnameseLiterals("return Decision.Conflict(\"Đã kết thúc.\");"));
        Assert.NotEmpty(VietnameseLiterals("x = $\"Tối đa {max} ký tự.\"; // max"));
        Assert.Empty(VietnameseLiterals("// \"Điều 5\" is an article\n/// <summary>\"Mục 1\"</summary>\nx = DomainText.Ended; // \"đ\""));
        Assert.Empty(VietnameseLiterals("var quote = '\"'; var s = \"plain\";"));
    }

    [Fact]
    public void Every_text_has_an_English_version_with_the_same_placeholders()
    {
        var vietnamese = Texts("DomainText.resx");
        var english = Texts("DomainText.en.resx");
        Assert.Equal(vietnamese.Keys.Order(), english.Keys.Order());
        foreach (var (key, text) in vietnamese)
        {
            Assert.False(string.IsNullOrWhiteSpace(english[key]), key);
            Assert.True(Placeholders(text).SequenceEqual(Placeholders(english[key])), key);
        }
    }

    [Fact]
    public void A_refusal_comes_back_in_the_readers_language()
    {
        var item = Given.Item();
        Decision Refused() => ReviseFeedback.Decide(item, Given.Consultation(), new(item.Id, Given.Input(), Given.OtherExpert), Given.Now);

        Assert.Equal("Only the author can edit this feedback.", DomainText.In(CultureInfo.GetCultureInfo("en"), Refused).Reason);
        Assert.Equal("Only the author can edit this feedback.", DomainText.In(CultureInfo.GetCultureInfo("en-GB"), Refused).Reason);
        Assert.Equal("Chỉ tác giả mới sửa được góp ý này.", DomainText.In(CultureInfo.GetCultureInfo("vi"), Refused).Reason);
        Assert.Equal("Chỉ tác giả mới sửa được góp ý này.", DomainText.In(CultureInfo.GetCultureInfo("vi-VN"), Refused).Reason);
    }

    [Fact]
    public void A_validation_message_with_a_value_is_formatted_in_the_readers_language()
    {
        static string TooLong()
        {
            Dictionary<string, string[]> errors = [];
            TextRules.Check(new string('x', 1001), "rationale", 1000, required: true, DomainText.LabelRationale, errors);
            return errors["rationale"][0];
        }
        var english = DomainText.In(CultureInfo.GetCultureInfo("en"), TooLong);
        var vietnamese = DomainText.In(CultureInfo.GetCultureInfo("vi-VN"), TooLong);

        Assert.Equal("Rationale may be at most 1,000 characters long.", english);
        Assert.Equal("Lý do, luận cứ dài tối đa 1.000 ký tự.", vietnamese);
    }

    [Fact]
    public void The_report_keeps_its_Vietnamese_words_for_an_English_reader()
    {
        var (label, report, after) = DomainText.In(CultureInfo.GetCultureInfo("en"),
            () => (Stance.Amend.Label(), Stance.Amend.Vietnamese(), CultureInfo.CurrentUICulture.Name));
        Assert.Equal("Propose an amendment", label);
        Assert.Equal("Đề nghị sửa đổi", report);
        Assert.Equal("en", after);
    }

    [Fact]
    public void A_recorded_items_provenance_reads_in_the_readers_language_and_in_Vietnamese_in_the_report()
    {
        var target = Given.Consultation();
        var recorded = RecordFeedbackOnBehalf.Decide(target, Guid.NewGuid(),
            new(target.ConsultationId, null, Given.Input(), new("paper-letter", "Sở Tư pháp", "12/STP", "2026-03-01"), Given.Moderator), Given.Now);
        var s = recorded.Events.OfType<FeedbackSubmitted>().Single();
        var item = new FeedbackItem(s.FeedbackId, s.ConsultationId, s.DraftVersion, s.SectionAnchor, s.Content, s.Author, s.Author.UserName,
            s.Content.Stance, FeedbackStatus.Published, false, false, 0, null, null, null, 1, s.SubmittedAt, s.SubmittedAt)
        {
            Provenance = recorded.Events.OfType<FeedbackRecordedOnBehalf>().Single().Provenance,
        };

        var (shown, report) = DomainText.In(CultureInfo.GetCultureInfo("en"), () => (item.Provenance!.Describe("Sở Tư pháp"), item.ReportAuthorName));

        Assert.Equal("Written feedback from Sở Tư pháp (document no. 12/STP), received on 01/03/2026", shown);
        Assert.Equal($"Góp ý bằng văn bản của {item.PublicAuthorName} (văn bản số 12/STP), nhận ngày 01/03/2026", report);
    }

    /// <summary>Per line, code only (no comments): each string literal holding a Vietnamese letter.</summary>
    private static IEnumerable<string> VietnameseLiterals(string source)
    {
        var lines = BlockComment().Replace(source, m => new string('\n', m.Value.Count(c => c == '\n'))).Split('\n');
        for (var n = 0; n < lines.Length; n++)
            foreach (var literal in Literals(lines[n]))
                if (Vietnamese().IsMatch(literal)) yield return $"{n + 1}: {literal}";
    }

    /// <summary>The string literals of one line, up to a line comment; a character literal is skipped.</summary>
    private static IEnumerable<string> Literals(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/') yield break;
            if (line[i] == '\'') { i = line.IndexOf('\'', i + (line[i + 1] == '\\' ? 2 : 1) + 1); if (i < 0) yield break; continue; }
            if (line[i] != '"') continue;
            var end = i + 1;
            while (end < line.Length && line[end] != '"') end += line[end] == '\\' ? 2 : 1;
            yield return line[i..Math.Min(end + 1, line.Length)];
            i = end;
        }
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Source, "Common", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Nq45Consult.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Nq45Consult.sln not found above the tests' folder.");
    }

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"(?<!\{)\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}

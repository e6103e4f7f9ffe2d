using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Submitting;

namespace Nq45Consult.Consultation.Tests.Feedback;

public class SubmitFeedbackTests
{
    private static Decision Submit(FeedbackTarget target, FeedbackInput input, string? anchor = "II-1", Caller? author = null) =>
        SubmitFeedback.Decide(target, Guid.NewGuid(), null, new SubmitFeedback(target.ConsultationId, anchor, input, author ?? Given.Expert), Given.Now);

    [Fact]
    public void An_expert_submits_on_an_open_public_consultation_with_an_exact_quote_and_the_author_snapshot()
    {
        var start = Given.SectionText.IndexOf("hạ tầng số 🇻🇳", StringComparison.Ordinal);
        var quote = new QuoteInput("hạ tầng số 🇻🇳", start, start + "hạ tầng số 🇻🇳".Length);
        var decision = Submit(Given.Consultation(), Given.Input(quote: quote, references: [new("Luật 64/2025", "https://example.vn/luat")]));

        var submitted = Assert.IsType<FeedbackSubmitted>(Assert.Single(decision.Events));
        Assert.Equal("II-1", submitted.SectionAnchor);
        Assert.Equal(Stance.Amend, submitted.Content.Stance);
        Assert.Equal(new Quote("hạ tầng số 🇻🇳", start, quote.End!.Value), submitted.Content.Quote);
        Assert.Equal("TS. Nguyễn Văn A", submitted.Author.DisplayName);
        Assert.Equal(Given.Now, submitted.SubmittedAt);
        Assert.Equal("https://example.vn/luat", Assert.Single(submitted.Content.References).Url);
    }

    [Fact]
    public void Text_with_scripts_rtl_marks_zero_width_characters_and_emoji_is_kept_exactly()
    {
        const string rationale = "<script>alert(1)</script> \u202Eabc\u200B\u200D 👩‍🔬  ";
        var submitted = (FeedbackSubmitted)Submit(Given.Consultation(), Given.Input(rationale: rationale)).Events[0];
        Assert.Equal(rationale, submitted.Content.Rationale);
    }

    [Fact]
    public void A_general_remark_has_no_section_and_may_not_quote()
    {
        Assert.True(Submit(Given.Consultation(), Given.Input(), anchor: null).Accepted);
        var quoting = Submit(Given.Consultation(), Given.Input(quote: new("Phát", 0, 4)), anchor: null);
        Assert.Contains("quote", quoting.Errors.Keys);
    }

    [Theory]
    [InlineData(ConsultationStatus.Draft)]
    [InlineData(ConsultationStatus.Closed)]
    public void A_consultation_that_is_not_open_refuses_with_a_conflict(ConsultationStatus status) =>
        Assert.Equal(Refusal.Conflict, Submit(Given.Consultation(status), Given.Input()).Refusal);

    [Fact]
    public void Only_invited_experts_take_part_in_an_invited_consultation()
    {
        var target = Given.Consultation(audience: Audience.Invited, invited: "EXPERT1");
        Assert.True(Submit(target, Given.Input()).Accepted);
        Assert.Equal(Refusal.Forbidden, Submit(target, Given.Input(), author: Given.OtherExpert).Refusal);
    }

    [Fact]
    public void Moderators_and_officials_do_not_submit()
    {
        Assert.Equal(Refusal.Forbidden, Submit(Given.Consultation(), Given.Input(), author: Given.Moderator).Refusal);
        Assert.Equal(Refusal.Forbidden, Submit(Given.Consultation(), Given.Input(), author: Given.Official).Refusal);
    }

    [Fact]
    public void An_unknown_section_is_refused_against_its_field() =>
        Assert.Contains("sectionAnchor", Submit(Given.Consultation(), Given.Input(), anchor: "IX-9").Errors.Keys);

    [Theory]
    [InlineData("Phát triển", 1, 11)]
    [InlineData("không có", 0, 8)]
    [InlineData("Phát", 0, 400)]
    [InlineData("Phát", -1, 3)]
    [InlineData("", 0, 0)]
    public void A_quote_that_is_not_that_exact_passage_is_refused(string text, int start, int end) =>
        Assert.Contains("quote", Submit(Given.Consultation(), Given.Input(quote: new(text, start, end))).Errors.Keys);

    [Fact]
    public void A_quote_without_offsets_is_located_in_the_section_when_it_occurs_exactly_once()
    {
        var decision = Submit(Given.Consultation(), Given.Input(quote: new("hạ tầng số 🇻🇳", null, null)));
        var submitted = Assert.IsType<FeedbackSubmitted>(Assert.Single(decision.Events));
        var start = Given.SectionText.IndexOf("hạ tầng", StringComparison.Ordinal);
        Assert.Equal(new Quote("hạ tầng số 🇻🇳", start, start + "hạ tầng số 🇻🇳".Length), submitted.Content.Quote);
    }

    [Theory]
    [InlineData("đồng bộ.", "absent")]
    [InlineData("Hạ tầng", "absent")]
    [InlineData("đ", "ambiguous")]
    public void A_quote_without_offsets_absent_from_the_section_or_found_more_than_once_is_refused(string text, string why)
    {
        var decision = Submit(Given.Consultation(), Given.Input(quote: new(text, null, null)));
        Assert.Equal(["quote"], decision.Errors.Keys);
        Assert.Contains(why == "absent" ? "Không tìm thấy" : "xuất hiện 2 lần", decision.Errors["quote"][0]);
    }

    [Theory]
    [InlineData("Phát", "Phát triển", 0, 1)]
    [InlineData("aa", "aaa", null, 2)]
    [InlineData("b", "aaa", null, 0)]
    [InlineData("ển", "Phát triển, phát triển", null, 2)]
    public void QuoteLocation_pins_a_passage_only_to_its_single_exact_occurrence(string passage, string section, int? start, int occurrences)
    {
        var quote = QuoteLocation.Locate(passage, section, out var found);
        Assert.Equal(occurrences, found);
        Assert.Equal(start is { } s ? new Quote(passage, s, s + passage.Length) : null, quote);
    }

    [Fact]
    public void Missing_rationale_unknown_stance_and_attribution_name_their_fields()
    {
        var decision = Submit(Given.Consultation(), Given.Input(stance: "maybe", rationale: "   ", attribution: null));
        Assert.Equal(Refusal.Invalid, decision.Refusal);
        Assert.Equal(["attribution", "rationale", "stance"], decision.Errors.Keys.Order());
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_rationale_of_more_than_20000_characters_is_refused_and_20000_is_accepted()
    {
        Assert.True(Submit(Given.Consultation(), Given.Input(rationale: new string('ạ', 20_000))).Accepted);
        Assert.Contains("rationale", Submit(Given.Consultation(), Given.Input(rationale: new string('a', 20_001))).Errors.Keys);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.vn/a")]
    [InlineData("data:text/html,x")]
    [InlineData("/relative")]
    public void References_must_be_http_or_https(string url) =>
        Assert.Contains("references[0].url", Submit(Given.Consultation(), Given.Input(references: [new("Tài liệu", url)])).Errors.Keys);

    [Fact]
    public void Text_that_PostgreSQL_cannot_store_is_refused()
    {
        // Built in code: xunit's theory data would not carry a lone surrogate through intact.
        foreach (var rationale in new[] { "a\0b", "lone " + (char)0xD800 + " surrogate", "tail " + (char)0xDC00 })
            Assert.Contains("rationale", Submit(Given.Consultation(), Given.Input(rationale: rationale)).Errors.Keys);
    }
}

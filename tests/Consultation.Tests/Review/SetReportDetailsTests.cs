using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Review;
using Nq45Consult.Consultation.Review.Reporting;
using Given = Nq45Consult.Consultation.Tests.Feedback.Given;

namespace Nq45Consult.Consultation.Tests.Review;

public class SetReportDetailsTests
{
    private static readonly ConsultationState State = new(Guid.NewGuid(), ConsultationStatus.Closed, Given.Now, 1, "# Dự thảo", new HashSet<string>());

    private static SetReportDetails Command(
        string? issuingBody = "Sở Khoa học và Công nghệ", string? number = "12/BC-SKHCN", string? place = "Hà Nội", DateOnly? date = null,
        string? signerPosition = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", string? signerName = "Nguyễn Văn Bình", IReadOnlyList<string>? recipients = null,
        Caller? by = null) =>
        new(State.Id, issuingBody, number, place, date, signerPosition, signerName, recipients ?? ["UBND tỉnh;", "", "  Lưu: VT, KHCN.  "], by ?? Given.Official);

    [Fact]
    public void The_details_are_recorded_trimmed_with_blank_recipients_dropped()
    {
        var set = Assert.IsType<ReportDetailsSet>(Assert.Single(SetReportDetails.Decide(State, Command(date: new DateOnly(2026, 2, 5)), Given.Now).Events));
        Assert.Equal((State.Id, "12/BC-SKHCN", "Hà Nội", new DateOnly(2026, 2, 5)), (set.ConsultationId, set.Number, set.Place, set.Date));
        Assert.Equal("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", set.SignerPosition);
        Assert.Equal(["UBND tỉnh;", "Lưu: VT, KHCN."], set.Recipients);
        Assert.Equal(("official", Given.Now), (set.SetBy, set.SetAt));
    }

    [Fact]
    public void Moderators_may_fill_them_and_experts_may_not()
    {
        Assert.True(SetReportDetails.Decide(State, Command(by: Given.Moderator), Given.Now).Accepted);
        Assert.Equal(Refusal.Forbidden, SetReportDetails.Decide(State, Command(by: Given.Expert), Given.Now).Refusal);
    }

    [Theory]
    [InlineData("issuingBody")]
    [InlineData("number")]
    [InlineData("place")]
    [InlineData("signerName")]
    public void A_one_line_field_with_a_line_break_is_refused_naming_it(string field)
    {
        var command = field switch
        {
            "issuingBody" => Command(issuingBody: "Sở\nKH&CN"),
            "number" => Command(number: "12/\nBC"),
            "place" => Command(place: "Hà\nNội"),
            _ => Command(signerName: "Nguyễn\nBình"),
        };
        var refused = SetReportDetails.Decide(State, command, Given.Now);
        Assert.Equal(Refusal.Invalid, refused.Refusal);
        Assert.Equal([field], refused.Errors.Keys);
    }

    [Fact]
    public void Too_long_texts_too_many_lines_and_too_many_recipients_are_refused_each_by_name()
    {
        var refused = SetReportDetails.Decide(State, Command(
            number: new string('1', SetReportDetails.MaxNumberLength + 1),
            signerPosition: "A\nB\nC\nD",
            recipients: [.. Enumerable.Range(1, SetReportDetails.MaxRecipients + 1).Select(i => $"Nơi {i};")]), Given.Now);
        Assert.Equal(["number", "recipients", "signerPosition"], refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Refusal.Invalid, SetReportDetails.Decide(State, Command(issuingBody: "Sở\0"), Given.Now).Refusal);
    }

    [Fact]
    public void Nothing_filled_prints_the_defaults_with_dotted_blanks_and_the_agency_in_capitals()
    {
        var consultation = Consultation("Sở Khoa học và Công nghệ");
        var letterhead = Letterhead.Of(consultation, null, Given.Now);
        Assert.Equal("SỞ KHOA HỌC VÀ CÔNG NGHỆ", letterhead.IssuingBody);
        Assert.Equal("Số: ……/BC-……", letterhead.NumberLine);
        Assert.Equal("……, ngày …… tháng …… năm 2026", letterhead.PlaceDateLine);
        Assert.Equal([Letterhead.DefaultSignerPosition], letterhead.SignerPosition);
        Assert.Equal(Letterhead.DefaultRecipients, letterhead.Recipients);
        Assert.Equal("CƠ QUAN CHỦ TRÌ SOẠN THẢO", Letterhead.Of(Consultation(""), null, Given.Now).IssuingBody);
    }

    [Fact]
    public void Filled_details_print_as_set_with_the_position_in_capitals()
    {
        var set = (ReportDetailsSet)SetReportDetails.Decide(State, Command(signerPosition: "kt. giám đốc\nphó giám đốc", date: new DateOnly(2026, 12, 2)), Given.Now).Events[0];
        var letterhead = Letterhead.Of(Consultation("Sở KH&CN"), ReportDetailsProjection.Create(set), Given.Now);
        Assert.Equal("SỞ KHOA HỌC VÀ CÔNG NGHỆ", letterhead.IssuingBody);
        Assert.Equal("Số: 12/BC-SKHCN", letterhead.NumberLine);
        Assert.Equal("Hà Nội, ngày 02 tháng 12 năm 2026", letterhead.PlaceDateLine);
        Assert.Equal(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], letterhead.SignerPosition);
        Assert.Equal("Nguyễn Văn Bình", letterhead.SignerName);
    }

    [Theory]
    [InlineData(2026, 2, 5, "ngày 05 tháng 02 năm 2026")]
    [InlineData(2026, 1, 15, "ngày 15 tháng 01 năm 2026")]
    [InlineData(2026, 3, 9, "ngày 09 tháng 3 năm 2026")]
    [InlineData(2026, 11, 20, "ngày 20 tháng 11 năm 2026")]
    public void Dates_take_a_leading_zero_for_days_below_ten_and_for_january_and_february(int year, int month, int day, string expected) =>
        Assert.Equal(expected, Letterhead.DateLine(new DateOnly(year, month, day), year));

    private static ConsultationDetails Consultation(string agency) => new(
        Guid.NewGuid(), "du-thao", "Dự thảo", "", agency, DocumentType.Plan, [], Audience.Public, Given.Now, Given.Now, ConsultationStatus.Closed, 1,
        [], [], "moderator", Given.Now, Given.Now, Given.Now);
}

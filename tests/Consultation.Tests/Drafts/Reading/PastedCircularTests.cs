using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.Consultation.Drafts.Parsing;
using Nq45Consult.Consultation.Drafts.Reading;

namespace Nq45Consult.Consultation.Tests.Drafts.Reading;

/// <summary>The circular of issue 20, pasted as plain text the way a moderator copies it out of a portal.</summary>
public class PastedCircularTests
{
    private const string Circular = """
        BỘ THÔNG TIN VÀ TRUYỀN THÔNG
        -------
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        ---------------
        Số: 13/2020/TT-BTTTT
        Hà Nội, ngày 03 tháng 7 năm 2020

        THÔNG TƯ
        Quy định việc xác định hoạt động sản xuất sản phẩm phần mềm đáp ứng quy trình

        Căn cứ Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006;
        Căn cứ Nghị định số 71/2007/NĐ-CP ngày 03 tháng 5 năm 2007 của Chính phủ;
        Theo đề nghị của Cục trưởng Cục Tin học hóa;
        Bộ trưởng Bộ Thông tin và Truyền thông ban hành Thông tư quy định việc xác định hoạt động sản xuất sản phẩm phần mềm đáp ứng quy trình.

        ═══════════════════════════════════
        CHƯƠNG I: QUY ĐỊNH CHUNG
        ═══════════════════════════════════

        Điều 1. Phạm vi điều chỉnh
        Thông tư này quy định việc xác định hoạt động sản xuất sản phẩm phần mềm đáp ứng quy trình.
        Điều 2. Đối tượng áp dụng
        1. Tổ chức, doanh nghiệp có hoạt động sản xuất sản phẩm phần mềm.
        2. Cơ quan nhà nước có liên quan, gồm:
           a) Bộ Thông tin và Truyền thông;
           b) Ủy ban nhân dân cấp tỉnh.

        ═══════════════════════════════════
        CHƯƠNG II: CÁC CÔNG ĐOẠN
        ═══════════════════════════════════

        Điều 3. Công đoạn sản xuất
        Quy trình gồm các công đoạn sau:
        ┌─────┬──────────────────────┐
        │ STT │ TÊN CÔNG ĐOẠN        │
        ├─────┼──────────────────────┤
        │  1  │ Xác định yêu cầu     │
        │  2  │ Phân tích và thiết   │
        │     │ kế                   │
        └─────┴──────────────────────┘
        - Công đoạn 1 hoặc 2 là bắt buộc.

        ═══════════════════════════════════
        CHƯƠNG III: ĐIỀU KHOẢN THI HÀNH
        ═══════════════════════════════════

        Điều 4. Hiệu lực thi hành
        1. Thông tư này có hiệu lực từ ngày 15 tháng 8 năm 2020.
        2. Cục Tin học hóa hướng dẫn thực hiện Thông tư này.

        Nơi nhận:
        - Thủ tướng, các Phó Thủ tướng Chính phủ;
        - Lưu: VT, CNTT.
                                        BỘ TRƯỞNG
                                     Nguyễn Mạnh Hùng
        """;

    private readonly ParsedVersion _draft = DraftSections.Parse(Circular).Draft!;

    private SectionSnapshot Section(string anchor) => Assert.Single(_draft.Sections, s => s.Anchor == anchor);

    [Fact]
    public void Pasted_text_with_articles_reads_as_plain_text() =>
        Assert.Equal(DraftFormat.PlainText, DraftReader.Detect(Circular));

    [Fact]
    public void Chapters_between_rules_are_kept_and_no_rule_becomes_a_section()
    {
        Assert.Equal(["chuong-1", "chuong-2", "chuong-3"], _draft.Sections.Where(s => s.Level == 1).Select(s => s.Anchor));
        Assert.Equal("QUY ĐỊNH CHUNG", Section("chuong-1").Heading);
        Assert.DoesNotContain(_draft.Sections, s => s.Text.Contains('═') || s.Heading.Contains('═'));
    }

    [Fact]
    public void Article_headings_stand_apart_from_their_text()
    {
        var article = Section("dieu-1");
        Assert.Equal("Phạm vi điều chỉnh", article.Heading);
        Assert.Equal("Thông tư này quy định việc xác định hoạt động sản xuất sản phẩm phần mềm đáp ứng quy trình.", article.Text);
        Assert.Equal("chuong-1", article.ParentAnchor);
    }

    [Fact]
    public void Clauses_and_points_are_sections()
    {
        Assert.Equal("dieu-2", Section("dieu-2-khoan-2").ParentAnchor);
        Assert.Equal("Bộ Thông tin và Truyền thông;", Section("dieu-2-khoan-2-diem-a").Text);
        Assert.Equal("dieu-2-khoan-2", Section("dieu-2-khoan-2-diem-b").ParentAnchor);
    }

    [Fact]
    public void The_box_drawn_table_stays_a_table_in_its_article()
    {
        var article = Section("dieu-3");
        Assert.Contains("<table>", article.Html);
        Assert.Contains("<td>Phân tích và thiết kế</td>", article.Html);
        Assert.DoesNotContain('│', article.Text);
    }

    [Fact]
    public void The_frame_is_not_commentable()
    {
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _draft.Frame.HeaderHtml);
        Assert.Contains("Số: 13/2020/TT-BTTTT", _draft.Frame.HeaderHtml);
        Assert.Contains("Quy định việc xác định hoạt động", _draft.Frame.HeaderHtml);
        Assert.Contains("Căn cứ Luật Công nghệ thông tin", _draft.Frame.PreambleHtml);
        Assert.Contains("ban hành Thông tư", _draft.Frame.PreambleHtml);
        Assert.Contains("Nơi nhận", _draft.Frame.ClosingHtml);
        Assert.Contains("Nguyễn Mạnh Hùng", _draft.Frame.ClosingHtml);
        Assert.DoesNotContain(_draft.Sections, s => s.Text.Contains("Nơi nhận") || s.Text.Contains("Lưu: VT") || s.Text.Contains("Căn cứ"));
        Assert.Equal("2", Assert.Single(_draft.Sections, s => s.ParentAnchor == "dieu-4" && s.Anchor == "dieu-4-khoan-2").Number);
        Assert.DoesNotContain(_draft.Sections, s => s.ParentAnchor == "dieu-4-khoan-2");
    }

    [Fact]
    public void A_clean_circular_has_no_warnings() => Assert.Empty(_draft.Warnings);
}

namespace Nq45Consult.Consultation.Cases;

/// <summary>
/// The wording of a review's DOCX (bản nhận xét) and of the critique report assembled from a case: state documents, filed
/// in Vietnamese whatever the reader's language. What the reader is told (refusals, labels) comes from DomainText.
/// </summary>
public static class CaseReviewText
{
    public const string Organiser = "LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT";
    public const string Heading = "BẢN NHẬN XÉT";
    public const string About = "Về: {0}";
    public const string DraftMark = "(Bản nháp, chưa gửi)";
    public const string Reviewer = "Người nhận xét: {0}";
    public const string Role = "Vai trò trong hội đồng: {0}";
    public const string ChaptersHeading = "I. NHẬN XÉT THEO TỪNG PHẦN CỦA DỰ THẢO";
    public const string StrengthsHeading = "II. ƯU ĐIỂM";
    public const string ShortcomingsHeading = "III. HẠN CHẾ";
    public const string RecommendationsHeading = "IV. KIẾN NGHỊ";
    public const string ConclusionHeading = "V. KẾT LUẬN";
    public const string Recommendation = "{0}. Gửi {1}: {2}";
    public const string Nothing = "(Không có ý kiến.)";
    public const string SubmittedAt = "Bản nhận xét được gửi lúc {0}.";
    public const string Signature = "NGƯỜI NHẬN XÉT";
    public const string Blank = "……";

    /// <summary>A point of the assembled report taken from a review, naming its reviewer: "… (Nhận xét của TS. A, phản biện 1.)".</summary>
    public const string FromReview = "{0} (Theo nhận xét của {1}, {2}.)";
    public const string FeedbackAgreed = "Các ý kiến góp ý đồng tình với dự thảo ({0} ý kiến).";
    public const string FeedbackRaised = "Các ý kiến góp ý đề nghị sửa đổi, bổ sung hoặc chưa đồng tình với dự thảo ({0} ý kiến).";
    public const string MeetingConclusions = "Kết luận của phiên họp hội đồng: {0}";

    public static string Conclusion(ReviewConclusion conclusion) => conclusion switch
    {
        ReviewConclusion.Approve => "Đồng ý thông qua",
        ReviewConclusion.ApproveWithAmendments => "Thông qua có chỉnh sửa",
        _ => "Không thông qua",
    };
}

using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Cases.AssemblingReport;
using Nq45Consult.Consultation.Cases.DraftingReview;
using Nq45Consult.Consultation.Cases.SubmittingReview;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review.Critique;
using Nq45Consult.Consultation.Review.Minutes;

namespace Nq45Consult.Consultation.Tests.Cases;

/// <summary>The reviewers' formal reviews (bản nhận xét) and the critique report assembled from a case.</summary>
public class ReviewDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid AgencyId = Guid.NewGuid();
    private static readonly Caller Moderator = Caller.Of("moderator", "Người kiểm duyệt", Role.Moderator);
    private static readonly Caller Official = Caller.Of("official", "Cán bộ", Role.Official) with { AgencyId = AgencyId };
    private static readonly Caller First = Caller.Of("phanbien1", "Phản biện một", Role.Expert);
    private static readonly Caller Second = Caller.Of("phanbien2", "Phản biện hai", Role.Expert);
    private static readonly Caller Chair = Caller.Of("chutich", "Chủ tịch", Role.Expert);
    private static readonly Caller Outsider = Caller.Of("expert9", "Người ngoài", Role.Expert);
    private static readonly IReadOnlyList<ReviewChapter> Chapters = [new("I", "I. MỤC ĐÍCH"), new("II", "II. NHIỆM VỤ"), new("III", "III. TỔ CHỨC")];

    /// <summary>An accepted case of a consultation: the first reviewer and the chair accepted their seats, the second has not answered.</summary>
    private static CritiqueCase Case(Guid? consultation = null)
    {
        var id = Guid.NewGuid();
        var c = CritiqueCaseProjection.Create(new CaseRequested(
            id, CaseKind.Critique, "Kế hoạch 45", consultation ?? Guid.NewGuid(), AgencyId, "Sở Y tế", Now.AddDays(30), true, "official", Now));
        c = CritiqueCaseProjection.Apply(new CaseAccepted(id, "moderator", Now), c);
        foreach (var (who, role, accept) in new[] { (First, CouncilRole.FirstReviewer, true), (Chair, CouncilRole.Chair, true), (Second, CouncilRole.SecondReviewer, false) })
        {
            var member = Guid.NewGuid();
            c = CritiqueCaseProjection.Apply(new CouncilMemberAppointed(id, member, Guid.NewGuid(), who.UserName, who.DisplayName, role, null, "moderator", Now), c);
            if (accept) c = CritiqueCaseProjection.Apply(new CouncilSeatAccepted(id, member, Now), c);
        }
        return c;
    }

    private static DraftReview Draft(Caller who, string? conclusion = null, IReadOnlyList<ChapterInput?>? chapters = null) => new(
        Guid.Empty, chapters ?? [new("II", "Nhiệm vụ còn chung chung.")], "Bố cục rõ ràng.", "Thiếu nguồn lực.",
        [new("UBND tỉnh", "Bổ sung kinh phí.")], conclusion, "Đề nghị chỉnh sửa.", who);

    private static CaseReview Applied(CaseReview? review, Decision decision) =>
        decision.Events.Aggregate(review, (r, e) => e switch
        {
            ReviewDrafted d => r is null ? CaseReviewProjection.Create(d) : CaseReviewProjection.Apply(d, r),
            ReviewSubmitted s => CaseReviewProjection.Apply(s, r!),
            _ => throw new InvalidOperationException(e.GetType().Name),
        })!;

    [Fact]
    public void Only_a_reviewer_who_accepted_the_seat_writes_a_review_and_outsiders_learn_nothing_of_the_case()
    {
        var c = Case();
        var drafted = DraftReview.Decide(c, Draft(First), Chapters, null, Now);
        Assert.True(drafted.Accepted, drafted.Reason);
        var e = Assert.IsType<ReviewDrafted>(Assert.Single(drafted.Events));
        Assert.Equal((CouncilRole.FirstReviewer, "Phản biện một", CaseReview.IdOf(c.Id, e.MemberId)), (e.Role, e.FullName, e.ReviewId));

        foreach (var who in new[] { Second, Chair, Moderator, Official })
            Assert.Equal(Refusal.Forbidden, DraftReview.Decide(c, Draft(who), Chapters, null, Now).Refusal);
        Assert.Equal(Refusal.NotFound, DraftReview.Decide(c, Draft(Outsider), Chapters, null, Now).Refusal);
        Assert.Equal(Refusal.NotFound, DraftReview.Decide(null, Draft(First), Chapters, null, Now).Refusal);
        Assert.Equal(Refusal.Forbidden, SubmitReview.Decide(c, new SubmitReview(c.Id, Chair), null, Now).Refusal);
        Assert.Equal(Refusal.NotFound, SubmitReview.Decide(c, new SubmitReview(c.Id, Outsider), null, Now).Refusal);
    }

    [Fact]
    public void A_draft_is_saved_any_number_of_times_every_chapter_kept_then_submitted_once_with_its_conclusion()
    {
        var c = Case();
        Assert.Equal(Refusal.Conflict, SubmitReview.Decide(c, new SubmitReview(c.Id, First), null, Now).Refusal);
        var review = Applied(null, DraftReview.Decide(c, Draft(First), Chapters, null, Now));
        Assert.Equal(["I", "II", "III"], review.Content.Chapters.Select(x => x.Anchor));
        Assert.Equal(["", "Nhiệm vụ còn chung chung.", ""], review.Content.Chapters.Select(x => x.Text));
        Assert.Equal("II. NHIỆM VỤ", review.Content.Chapters[1].Title);

        var unconcluded = SubmitReview.Decide(c, new SubmitReview(c.Id, First), review, Now);
        Assert.Equal(["conclusion"], unconcluded.Errors.Keys);

        review = Applied(review, DraftReview.Decide(c, Draft(First, "approve-with-amendments"), Chapters, review, Now.AddHours(1)));
        Assert.Equal((ReviewConclusion.ApproveWithAmendments, Now.AddHours(1)), (review.Content.Conclusion, review.DraftedAt));
        var submitted = SubmitReview.Decide(c, new SubmitReview(c.Id, First), review, Now.AddHours(2));
        Assert.IsType<ReviewSubmitted>(Assert.Single(submitted.Events));
        review = Applied(review, submitted);
        Assert.True(review.IsSubmitted);

        Assert.Equal(Refusal.Conflict, SubmitReview.Decide(c, new SubmitReview(c.Id, First), review, Now).Refusal);
        Assert.Equal(Refusal.Conflict, DraftReview.Decide(c, Draft(First, "reject"), Chapters, review, Now).Refusal);
    }

    [Fact]
    public void Bad_input_names_each_field_and_saves_nothing()
    {
        var c = Case();
        var command = new DraftReview(
            c.Id, [new("IX", "Không có phần này."), new("I", new string('x', CaseReview.MaxChapterLength + 1)), new("I", "Lần hai."), null],
            new string('y', CaseReview.MaxPartLength + 1), "Được.", [new(" ", "Thiếu nơi nhận."), new("UBND tỉnh", null)], "maybe",
            new string('z', CaseReview.MaxConclusionLength + 1), First);
        var refused = DraftReview.Decide(c, command, Chapters, null, Now);
        Assert.Empty(refused.Events);
        Assert.Equal(
            ["chapters[0].anchor", "chapters[1].text", "chapters[2].anchor", "chapters[3].anchor", "conclusion", "conclusionText",
                "recommendations[0].addressee", "recommendations[1].text", "strengths"],
            refused.Errors.Keys.Order(StringComparer.Ordinal));

        var many = Draft(First) with { Recommendations = [.. Enumerable.Repeat<ReviewRecommendationInput?>(new("UBND tỉnh", "Kiến nghị."), CaseReview.MaxRecommendations + 1)] };
        Assert.Equal(["recommendations"], DraftReview.Decide(c, many, Chapters, null, Now).Errors.Keys);
        // A case without a draft has no chapter: any chapter named is unknown.
        Assert.Equal(["chapters[0].anchor"], DraftReview.Decide(c, Draft(First), [], null, Now).Errors.Keys);
    }

    private static CaseReview Submitted(CritiqueCase c, Caller who, string strengths)
    {
        var review = Applied(null, DraftReview.Decide(c, Draft(who, "approve") with { Strengths = strengths }, Chapters, null, Now));
        return Applied(review, SubmitReview.Decide(c, new SubmitReview(c.Id, who), review, Now));
    }

    [Fact]
    public void The_timeline_reaches_reviews_submitted_with_the_second_reviewers_submission()
    {
        var c = Case();
        var first = Submitted(c, First, "Rõ ràng.");
        Assert.Null(CaseReview.AllSubmittedAt(c, [first]));
        c = CritiqueCaseProjection.Apply(new CouncilSeatAccepted(c.Id, c.Council.Single(s => s.Role == CouncilRole.SecondReviewer).MemberId, Now), c);
        var second = Submitted(c, Second, "Khả thi.") with { SubmittedAt = Now.AddDays(2) };
        Assert.Null(CaseReview.AllSubmittedAt(c, [second]));
        var at = CaseReview.AllSubmittedAt(c, [first, second]);
        Assert.Equal(Now.AddDays(2), at);
        var steps = CaseTimeline.Of(c, null, null, at);
        Assert.Equal(
            [CaseStep.Requested, CaseStep.Accepted, CaseStep.CouncilFormed, CaseStep.ConsultationOpen, CaseStep.ReviewsSubmitted, CaseStep.CouncilMeeting, CaseStep.ReportSent, CaseStep.AnswerReceived],
            steps.Select(s => s.Step));
        Assert.Equal(Now.AddDays(2), steps.Single(s => s.Step == CaseStep.ReviewsSubmitted).At);
    }

    private static FeedbackItem Item(Guid consultation, Stance stance, FeedbackStatus status = FeedbackStatus.Published) =>
        new(Guid.NewGuid(), consultation, 1, "II", null!, null!, "EXPERT1", stance, status, false, status == FeedbackStatus.Hidden, 0, null, null, null, 1, Now, Now);

    [Fact]
    public void The_report_is_assembled_from_the_submitted_reviews_the_public_feedback_and_the_final_minutes_by_a_moderator()
    {
        var consultation = Guid.NewGuid();
        var c = Case(consultation) with { SessionId = Guid.NewGuid() };
        var command = new AssembleCaseReport(c.Id, Moderator);
        Assert.Equal(Refusal.Forbidden, AssembleCaseReport.Decide(c, new AssembleCaseReport(c.Id, First), [], [], null, Now).Refusal);
        Assert.Equal(Refusal.NotFound, AssembleCaseReport.Decide(null, command, [], [], null, Now).Refusal);
        Assert.Equal(Refusal.Conflict, AssembleCaseReport.Decide(c, command, [], [Item(consultation, Stance.Agree, FeedbackStatus.Hidden)], null, Now).Refusal);
        // Public feedback alone is not a council's report: a review must be submitted first.
        Assert.Equal(Refusal.Conflict, AssembleCaseReport.Decide(c, command, [], [Item(consultation, Stance.Agree)], null, Now).Refusal);
        Assert.Equal(Refusal.Conflict, AssembleCaseReport.Decide(c with { ConsultationId = null }, command, [], [Item(consultation, Stance.Agree)], null, Now).Refusal);

        var review = Submitted(c, First, "Bố cục rõ ràng.");
        var agree = Item(consultation, Stance.Agree);
        var amend = Item(consultation, Stance.Amend);
        var minutes = new SessionMinutes(
            Guid.NewGuid(), c.SessionId!.Value, consultation,
            new MinutesContent("", "", "", null, null, "", 3, "", "", [], "Hội đồng thống nhất đề nghị bổ sung lộ trình."),
            "moderator", Now, null, null, "moderator", Now, 3);
        var decision = AssembleCaseReport.Decide(c, command, [review], [agree, amend, Item(consultation, Stance.Disagree, FeedbackStatus.Withdrawn)], minutes, Now);
        var report = Assert.IsType<CritiqueDrafted>(Assert.Single(decision.Events));
        Assert.Equal(consultation, report.ConsultationId);
        Assert.Equal("Bố cục rõ ràng. (Theo nhận xét của Phản biện một, phản biện 1.)", report.Strengths[0].Text);
        Assert.Equal([agree.Id], report.Strengths[1].ItemIds);
        Assert.Equal("Thiếu nguồn lực. (Theo nhận xét của Phản biện một, phản biện 1.)", report.Shortcomings[0].Text);
        Assert.Equal([amend.Id], report.Shortcomings[1].ItemIds);
        Assert.Equal(("UBND tỉnh", "Bổ sung kinh phí. (Theo nhận xét của Phản biện một, phản biện 1.)"), (report.Recommendations[0].Addressee, report.Recommendations[0].Text));
        Assert.Equal(("Sở Y tế", "Kết luận của phiên họp hội đồng: Hội đồng thống nhất đề nghị bổ sung lộ trình."), (report.Recommendations[1].Addressee, report.Recommendations[1].Text));

        // Minutes still a draft are left out; a report already sent is not rewritten.
        var drafted = AssembleCaseReport.Decide(c, command, [review], [], minutes with { FinalisedAt = null }, Now);
        Assert.Single(Assert.IsType<CritiqueDrafted>(Assert.Single(drafted.Events)).Recommendations);
        Assert.Equal(Refusal.Conflict, AssembleCaseReport.Decide(c with { ReportSentAt = Now }, command, [review], [], null, Now).Refusal);
    }
}

using Nq45Consult.Consultation.Drafts.Parsing;
using Nq45Consult.Consultation.Drafts.Reading;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Closing;
using Nq45Consult.Consultation.Consultations.Creating;
using Nq45Consult.Consultation.Consultations.Editing;
using Nq45Consult.Consultation.Consultations.Inviting;
using Nq45Consult.Consultation.Consultations.Opening;
using Nq45Consult.Consultation.Consultations.Publishing;

namespace Nq45Consult.Consultation.Tests.Consultations;

public class ConsultationDecisionTests
{
    private static Decision Create(ConsultationDetailsInput details) =>
        CreateConsultation.Decide(new(null, details, Given.Moderator), Guid.CreateVersion7(), "du-thao", null, Given.Options, Given.Now);

    [Fact]
    public void Creating_records_who_and_when_with_canonical_fields()
    {
        var decision = Create(Given.Details(fields: ["Y TẾ", "khác"]));

        var created = Assert.IsType<ConsultationCreated>(Assert.Single(decision.Events));
        Assert.Equal(["y tế", "khác"], created.Details.Fields);
        Assert.Equal(DocumentType.Plan, created.Details.DocumentType);
        Assert.Equal(("moderator", Given.Now), (created.CreatedBy, created.CreatedAt));
        Assert.Empty(decision.Warnings);
    }

    [Theory]
    [InlineData("", "title")]
    [InlineData("   ", "title")]
    public void Creating_without_title_names_the_field(string title, string field)
    {
        var decision = Create(Given.Details(title));
        Assert.False(decision.Accepted);
        Assert.Contains(field, decision.Errors.Keys);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Closing_before_opening_is_refused() =>
        Assert.Contains("closesAt", Create(Given.Details(days: -1)).Errors.Keys);

    [Fact]
    public void Unknown_field_is_refused() =>
        Assert.Contains("fields", Create(Given.Details(fields: ["thiên văn học"])).Errors.Keys);

    [Fact]
    public void Unknown_audience_and_type_are_refused()
    {
        var decision = Create(Given.Details(type: "novel") with { Audience = "everyone" });
        Assert.Contains("documentType", decision.Errors.Keys);
        Assert.Contains("audience", decision.Errors.Keys);
    }

    [Fact]
    public void A_window_shorter_than_the_minimum_is_a_warning_not_an_error()
    {
        var decision = Create(Given.Details(days: 10, type: "legal-document"));
        Assert.True(decision.Accepted);
        Assert.Contains("20", Assert.Single(decision.Warnings));
        Assert.Empty(Create(Given.Details(days: 20, type: "legal-document")).Warnings);
        Assert.Empty(Create(Given.Details(days: 1, type: "plan")).Warnings);
    }

    [Fact]
    public void A_draft_cannot_open_without_a_published_version()
    {
        var decision = OpenConsultation.Decide(Given.Draft(), new(Guid.Empty, Given.Moderator), Given.Now);
        Assert.Equal(Refusal.Conflict, decision.Refusal);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_survey_only_consultation_opens_without_a_draft()
    {
        var withSurvey = Given.Draft().Apply(new Nq45Consult.Consultation.Surveys.SurveyDefined(Guid.Empty, 1, [], false, "moderator", Given.Now));
        Assert.IsType<ConsultationOpened>(Assert.Single(OpenConsultation.Decide(withSurvey, new(Guid.Empty, Given.Moderator), Given.Now).Events));
    }

    [Fact]
    public void Lifecycle_runs_draft_open_closed_and_not_backwards()
    {
        Assert.IsType<ConsultationOpened>(Assert.Single(OpenConsultation.Decide(Given.Draft(1), new(Guid.Empty, Given.Moderator), Given.Now).Events));
        Assert.NotNull(OpenConsultation.Decide(Given.Open(), new(Guid.Empty, Given.Moderator), Given.Now).Reason);
        Assert.NotNull(OpenConsultation.Decide(Given.Closed(), new(Guid.Empty, Given.Moderator), Given.Now).Reason);
        Assert.IsType<ConsultationClosed>(Assert.Single(CloseConsultation.Decide(Given.Open(), new(Guid.Empty, Given.Moderator), Given.Now).Events));
        Assert.NotNull(CloseConsultation.Decide(Given.Draft(1), new(Guid.Empty, Given.Moderator), Given.Now).Reason);
        Assert.NotNull(CloseConsultation.Decide(Given.Closed(), new(Guid.Empty, Given.Moderator), Given.Now).Reason);
    }

    [Fact]
    public void A_draft_whose_closing_time_passed_cannot_open() =>
        Assert.NotNull(OpenConsultation.Decide(Given.Draft(1), new(Guid.Empty, Given.Moderator), Given.Now.AddDays(31)).Reason);

    [Fact]
    public void Closing_by_itself_waits_for_the_closing_time()
    {
        var open = Given.Open();
        Assert.NotNull(CloseConsultation.Decide(open, new(open.Id, null), open.ClosesAt.AddSeconds(-1)).Reason);
        var closed = Assert.IsType<ConsultationClosed>(Assert.Single(CloseConsultation.Decide(open, new(open.Id, null), open.ClosesAt).Events));
        Assert.Null(closed.ClosedBy);
    }

    [Fact]
    public void The_first_version_needs_no_change_note_later_ones_do()
    {
        var first = PublishDraftVersion.Decide(Given.Draft(), Parsed("# I. A"), Publish(null), Given.Now);
        Assert.Equal(1, Assert.IsType<DraftVersionPublished>(Assert.Single(first.Events)).Version);

        var second = PublishDraftVersion.Decide(Given.Draft(1), Parsed("# I. B"), Publish(" "), Given.Now);
        Assert.Contains("changeNote", second.Errors.Keys);

        var noted = PublishDraftVersion.Decide(Given.Draft(1), Parsed("# I. B"), Publish("Sửa mục I"), Given.Now);
        Assert.Equal(2, Assert.IsType<DraftVersionPublished>(Assert.Single(noted.Events)).Version);
    }

    [Fact]
    public void Publishing_refuses_closed_consultations_and_unchanged_text()
    {
        Assert.NotNull(PublishDraftVersion.Decide(Given.Closed(), Parsed("x"), Publish("n"), Given.Now).Reason);
        Assert.Contains("markdown", PublishDraftVersion.Decide(Given.Draft(1), Parsed("# I. Mục"), Publish("n"), Given.Now).Errors.Keys);
    }

    [Fact]
    public void Empty_markdown_is_refused_before_parsing()
    {
        var (draft, refusal) = DraftSections.Parse("  \n ");
        Assert.Null(draft);
        Assert.Contains("markdown", refusal!.Errors.Keys);
    }

    private static readonly IReadOnlySet<string> Accounts = new HashSet<string>(["expert1", "expert2", "expert3"], StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Inviting_records_only_new_valid_names()
    {
        var state = Given.Open() with { Invited = new HashSet<string>(["expert1"], StringComparer.OrdinalIgnoreCase) };
        var invited = InviteExperts.Decide(state, new(state.Id, ["Expert1", "expert2", "expert2"], Given.Moderator), Accounts, Given.Now);
        Assert.Equal(["expert2"], Assert.IsType<ExpertsInvited>(Assert.Single(invited.Events)).UserNames);
        Assert.Contains("userNames", InviteExperts.Decide(state, new(state.Id, [], Given.Moderator), Accounts, Given.Now).Errors.Keys);
        Assert.Contains("userNames", InviteExperts.Decide(state, new(state.Id, ["<script>"], Given.Moderator), Accounts, Given.Now).Errors.Keys);
        Assert.NotNull(InviteExperts.Decide(Given.Closed(), new(state.Id, ["expert3"], Given.Moderator), Accounts, Given.Now).Reason);
    }

    [Fact]
    public void Names_found_in_the_registry_join_the_typed_ones_without_the_per_call_limit()
    {
        var state = Given.Open() with { Invited = new HashSet<string>(["expert1"], StringComparer.OrdinalIgnoreCase) };
        var found = Enumerable.Range(0, InviteExperts.MaxNamesPerCall + 100).Select(i => $"member{i}").Append("EXPERT1").ToList();
        var decision = InviteExperts.Decide(state, new(state.Id, ["expert2"], Given.Moderator, found), Accounts, Given.Now);
        var invited = Assert.IsType<ExpertsInvited>(Assert.Single(decision.Events)).UserNames;
        Assert.Equal(InviteExperts.MaxNamesPerCall + 101, invited.Count);
        Assert.Equal("expert2", invited[0]);
        Assert.DoesNotContain("EXPERT1", invited);
        Assert.Empty(InviteExperts.Decide(state, new(state.Id, null, Given.Moderator, ["expert1"]), Accounts, Given.Now).Events);
    }

    [Fact]
    public void Inviting_names_without_an_account_is_refused_naming_them()
    {
        var decision = InviteExperts.Decide(Given.Open(), new(Guid.Empty, ["expert2", "ghost", "nobody"], Given.Moderator), Accounts, Given.Now);
        Assert.Empty(decision.Events);
        var message = Assert.Single(decision.Errors["userNames"]);
        Assert.Contains("ghost", message);
        Assert.Contains("nobody", message);
        Assert.DoesNotContain("expert2", message);
    }

    [Fact]
    public void Editing_a_closed_consultation_is_refused() =>
        Assert.NotNull(EditConsultationDetails.Decide(Given.Closed(), new(Guid.Empty, Given.Details(), Given.Moderator), null, Given.Options, Given.Now).Reason);

    private static ParsedVersion Parsed(string markdown) => new(markdown, [Given.Section()], DraftFrame.None, []);

    private static PublishDraftVersion Publish(string? changeNote) => new(Guid.Empty, new("", []), changeNote, Given.Moderator);

    [Fact]
    public void Settings_with_unknown_document_types_are_reported() =>
        Assert.NotEmpty(new ConsultationOptions { MinimumDays = { ["novel"] = 3 } }.Problems());
}

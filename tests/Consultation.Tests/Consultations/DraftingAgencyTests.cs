using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Creating;
using Nq45Consult.Consultation.Consultations.Editing;
using Nq45Consult.Consultation.Consultations.Responding;

namespace Nq45Consult.Consultation.Tests.Consultations;

/// <summary>A consultation names its drafting agency, optionally; only that agency's officials publish its responses.</summary>
public class DraftingAgencyTests
{
    private static readonly Agency Sở = new(Guid.CreateVersion7(), "Sở Y tế", Agency.Normalize("Sở Y tế"), false);
    private static readonly Agency Other = new(Guid.CreateVersion7(), "Sở Tư pháp", Agency.Normalize("Sở Tư pháp"), false);

    private static ConsultationDetailsInput Naming(Guid? agency) => Given.Details() with { DraftingAgencyId = agency };

    private static Decision Create(ConsultationDetailsInput details, Agency? loaded) =>
        CreateConsultation.Decide(new(null, details, Given.Moderator), Guid.CreateVersion7(), "du-thao", loaded, Given.Options, Given.Now);

    private static Decision Edit(ConsultationState state, ConsultationDetailsInput details, Agency? loaded) =>
        EditConsultationDetails.Decide(state, new(state.Id, details, Given.Moderator), loaded, Given.Options, Given.Now);

    [Fact]
    public void Creating_without_an_agency_names_none()
    {
        var created = Assert.IsType<ConsultationCreated>(Assert.Single(Create(Given.Details(), null).Events));
        Assert.Null(created.Details.DraftingAgencyId);
        Assert.Equal("Sở Khoa học và Công nghệ", created.Details.DraftingAgency);
    }

    [Fact]
    public void Creating_with_a_known_agency_names_it_and_its_name_fills_an_empty_free_text()
    {
        var created = Assert.IsType<ConsultationCreated>(Assert.Single(Create(Naming(Sở.Id) with { DraftingAgency = "" }, Sở).Events));
        Assert.Equal((Sở.Id, "Sở Y tế"), (created.Details.DraftingAgencyId, created.Details.DraftingAgency));
        Assert.Equal(Sở.Id, ConsultationState.Create(created).DraftingAgencyId);
    }

    [Fact]
    public void An_unknown_or_retired_agency_is_refused_naming_the_field()
    {
        foreach (var refused in new[] { Create(Naming(Guid.CreateVersion7()), null), Create(Naming(Sở.Id), Sở with { Retired = true }) })
        {
            Assert.Equal(Refusal.Invalid, refused.Refusal);
            Assert.Equal(["draftingAgencyId"], refused.Errors.Keys);
            Assert.Empty(refused.Events);
        }
    }

    [Fact]
    public void Editing_without_the_field_keeps_the_agency_and_may_change_it_to_another()
    {
        var named = Given.Open() with { DraftingAgencyId = Sở.Id };

        var kept = Assert.IsType<ConsultationDetailsEdited>(Assert.Single(Edit(named, Given.Details(), Sở).Events));
        Assert.Equal(Sở.Id, kept.Details.DraftingAgencyId);
        var changed = Assert.IsType<ConsultationDetailsEdited>(Assert.Single(Edit(named, Naming(Other.Id), Other).Events));
        Assert.Equal(Other.Id, changed.Details.DraftingAgencyId);
        Assert.Equal(Other.Id, named.Apply(changed).DraftingAgencyId);
    }

    [Fact]
    public void A_retired_agency_stays_named_by_the_consultation_already_naming_it_but_is_not_chosen_anew()
    {
        var retired = Sở with { Retired = true };
        Assert.True(Edit(Given.Open() with { DraftingAgencyId = Sở.Id }, Given.Details(), retired).Accepted);
        Assert.Equal(["draftingAgencyId"], Edit(Given.Open(), Naming(Sở.Id), retired).Errors.Keys);
    }

    [Fact]
    public void Only_officials_of_the_named_agency_publish_the_responses()
    {
        var closed = Given.Closed() with { DraftingAgencyId = Sở.Id };

        Assert.True(PublishResponses.Decide(closed, new(closed.Id, Given.Official with { AgencyId = Sở.Id }), Given.Now).Accepted);
        foreach (var other in new[] { Given.Official, Given.Official with { AgencyId = Other.Id }, Given.Moderator with { AgencyId = Sở.Id } })
        {
            var refused = PublishResponses.Decide(closed, new(closed.Id, other), Given.Now);
            Assert.Equal(Refusal.Forbidden, refused.Refusal);
            Assert.Empty(refused.Events);
        }
    }

    [Fact]
    public void Without_an_agency_any_official_publishes_as_before() =>
        Assert.True(PublishResponses.Decide(Given.Closed(), new(Guid.Empty, Given.Official with { AgencyId = Other.Id }), Given.Now).Accepted);
}

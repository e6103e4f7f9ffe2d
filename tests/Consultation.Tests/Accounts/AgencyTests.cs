using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Administering;
using Nq45Consult.Consultation.Accounts.Agencies;

namespace Nq45Consult.Consultation.Tests.Accounts;

/// <summary>Admins keep the list of agencies (never deleting one) and make officials their members.</summary>
public class AgencyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));

    private static Agency AnAgency(string name, bool retired = false) => new(Guid.CreateVersion7(), name, Agency.Normalize(name), retired);

    private static Account AnOfficial(Guid? agency = null) =>
        new(Guid.CreateVersion7(), "hung.pham", "HUNG.PHAM", "Phạm Quốc Hùng", [Role.Official], "hash", 0, null) { AgencyId = agency };

    [Fact]
    public void An_agency_is_created_with_its_tidied_name_by_whom_and_when()
    {
        var id = Guid.CreateVersion7();
        var created = Assert.IsType<AgencyCreated>(Assert.Single(CreateAgency.Decide(new("  Sở   Y tế ", "admin"), id, [], Now).Events));
        Assert.Equal((id, "Sở Y tế", "admin", Now), (created.AgencyId, created.Name, created.CreatedBy, created.CreatedAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("so y te")]
    [InlineData("SỞ Y TẾ")]
    public void A_missing_or_taken_name_is_refused_naming_the_field(string name)
    {
        var refused = CreateAgency.Decide(new(name, "admin"), Guid.CreateVersion7(), [AnAgency("Sở Y tế")], Now);
        Assert.Equal(Refusal.Invalid, refused.Refusal);
        Assert.Equal(["name"], refused.Errors.Keys);
    }

    [Fact]
    public void A_name_longer_than_allowed_is_refused() =>
        Assert.Equal(["name"], CreateAgency.Decide(new(new string('a', Agency.MaxNameLength + 1), "admin"), Guid.CreateVersion7(), [], Now).Errors.Keys);

    [Fact]
    public void Renaming_keeps_the_id_and_a_retired_agency_is_not_renamed()
    {
        var agency = AnAgency("Sở Y tế");
        var renamed = Assert.IsType<AgencyRenamed>(Assert.Single(RenameAgency.Decide(agency, new(agency.Id, "Sở Y tế tỉnh", "admin"), [agency], Now).Events));
        Assert.Equal((agency.Id, "Sở Y tế tỉnh"), (renamed.AgencyId, renamed.Name));
        Assert.Equal(Refusal.Conflict, RenameAgency.Decide(agency with { Retired = true }, new(agency.Id, "Khác", "admin"), [agency], Now).Refusal);
    }

    [Fact]
    public void Retiring_happens_once_and_keeps_the_agency()
    {
        var agency = AnAgency("Sở Y tế");
        var retired = Assert.IsType<AgencyRetired>(Assert.Single(RetireAgency.Decide(agency, new(agency.Id, "admin"), Now).Events));
        Assert.True(AgencyProjection.Apply(retired, agency).Retired);
        Assert.Empty(RetireAgency.Decide(agency with { Retired = true }, new(agency.Id, "admin"), Now).Events);
    }

    [Fact]
    public void An_official_is_assigned_to_an_agency_and_the_account_carries_it()
    {
        var (official, agency) = (AnOfficial(), AnAgency("Sở Y tế"));
        var assigned = Assert.IsType<AccountAssignedToAgency>(Assert.Single(AssignAgency.Decide(official, agency, new("hung.pham", agency.Id, "admin"), Now).Events));
        Assert.Equal((agency.Id, "Sở Y tế", "admin"), (assigned.AgencyId, assigned.AgencyName, assigned.AssignedBy));
        Assert.Equal(agency.Id, AccountProjection.Apply(assigned, official).AgencyId);
        Assert.Equal("agency-assigned", AccountHistory.Of(2, assigned, "hung.pham")!.Action);
    }

    [Fact]
    public void An_unknown_or_retired_agency_is_refused_naming_the_field_and_a_non_official_is_refused()
    {
        var agency = AnAgency("Sở Y tế");
        Assert.Equal(["agencyId"], AssignAgency.Decide(AnOfficial(), null, new("hung.pham", Guid.CreateVersion7(), "admin"), Now).Errors.Keys);
        Assert.Equal(["agencyId"], AssignAgency.Decide(AnOfficial(), agency with { Retired = true }, new("hung.pham", agency.Id, "admin"), Now).Errors.Keys);
        var expert = AnOfficial() with { Roles = [Role.Expert] };
        Assert.Equal(Refusal.Conflict, AssignAgency.Decide(expert, agency, new("hung.pham", agency.Id, "admin"), Now).Refusal);
    }

    [Fact]
    public void Leaving_an_agency_is_recorded_and_the_same_agency_again_records_nothing()
    {
        var agency = AnAgency("Sở Y tế");
        var member = AnOfficial(agency.Id);
        Assert.Empty(AssignAgency.Decide(member, agency, new("hung.pham", agency.Id, "admin"), Now).Events);
        Assert.Empty(AssignAgency.Decide(member, agency with { Retired = true }, new("hung.pham", agency.Id, "admin"), Now).Events);
        var left = Assert.IsType<AccountAssignedToAgency>(Assert.Single(AssignAgency.Decide(member, null, new("hung.pham", null, "admin"), Now).Events));
        Assert.Null(AccountProjection.Apply(left, member).AgencyId);
        Assert.Empty(AssignAgency.Decide(AnOfficial(), null, new("hung.pham", null, "admin"), Now).Events);
    }
}

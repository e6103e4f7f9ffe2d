using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Onboarding;
using Nq45Consult.Consultation.Onboarding.Approving;
using Nq45Consult.Consultation.Onboarding.Declining;
using Nq45Consult.Consultation.Onboarding.SigningUp;
using Nq45Consult.Consultation.Onboarding.Verifying;
using Nq45Consult.Consultation.Tests.Consultations;

namespace Nq45Consult.Consultation.Tests.Onboarding;

/// <summary>The decisions of sign-up, verification, approval and declining, without a database.</summary>
public class SignUpDecisionTests
{
    private static readonly DateTimeOffset Now = Given.Now;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);
    private static readonly MemberAssociation Physics = new(Guid.NewGuid(), "Hội Vật lý", MemberAssociation.Normalize("Hội Vật lý"), false);
    private static readonly Caller Moderator = Caller.Of("moderator", "Người kiểm duyệt", Role.Moderator);

    private static RequestSignUp Request(string userName = "tran.thi.moi", string email = "Moi@Example.vn", string? association = "hoi vat ly") =>
        new(userName, email, "Mat-khau-manh-2026", "Trần Thị Mới", "pgs", "ts", ["y tế"], "Bệnh viện tỉnh", association, false);

    private static RequestSignUp.Context Context(bool userNameTaken = false, bool emailTaken = false) =>
        new(["y tế", "giáo dục"], [Physics], userNameTaken, emailTaken);

    private static Decision Decide(RequestSignUp request, RequestSignUp.Context context) =>
        RequestSignUp.Decide(request, context, Guid.NewGuid(), p => "hash:" + p, Now, Lifetime);

    private static SignUp Requested(SignUpStatus status = SignUpStatus.AwaitingVerification)
    {
        var requested = (SignUpRequested)Decide(Request(), Context()).Events.Single();
        return SignUpProjection.Create(requested) with { Status = status, AccountId = status == SignUpStatus.AwaitingVerification ? null : Guid.NewGuid() };
    }

    private static Account AccountOf(SignUp s) => new(s.AccountId!.Value, s.UserName, Account.Normalize(s.UserName), s.Details.FullName, [], s.PasswordHash, 0, null);

    [Fact]
    public void A_complete_request_is_recorded_with_its_profile_the_hash_of_its_password_and_the_link_deadline()
    {
        var requested = Assert.IsType<SignUpRequested>(Decide(Request(), Context()).Events.Single());
        Assert.Equal("tran.thi.moi", requested.UserName);
        Assert.Equal("moi@example.vn", requested.Email);
        Assert.Equal("hash:Mat-khau-manh-2026", requested.PasswordHash);
        Assert.Equal(AcademicTitle.Pgs, requested.Details.AcademicTitle);
        Assert.Equal(Degree.Ts, requested.Details.Degree);
        Assert.Equal(Physics.Id, requested.Details.AssociationId);
        Assert.Equal("Hội Vật lý", requested.AssociationName);
        Assert.False(requested.Details.InProvince);
        Assert.Equal(Now + Lifetime, requested.VerifyBy);
    }

    [Fact]
    public void Bad_input_names_every_field_at_fault_with_the_contracts_field_names()
    {
        var decision = Decide(new RequestSignUp("x", "khong-phai-thu", "ngan", "", "giao-su-gia", null, ["thiên văn"], new string('o', 400), "hội không có", null), Context());
        Assert.Equal(Refusal.Invalid, decision.Refusal);
        Assert.Equal(
            new[] { "academicTitle", "association", "email", "fields", "fullName", "inProvince", "organization", "password", "userName" },
            decision.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public void A_taken_user_name_is_refused_on_the_field_but_a_taken_address_is_accepted_with_nothing_to_record()
    {
        var taken = Decide(Request(), Context(userNameTaken: true));
        Assert.Equal(["userName"], taken.Errors.Keys);
        var known = Decide(Request(), Context(emailTaken: true));
        Assert.True(known.Accepted);
        Assert.Empty(known.Events);
    }

    [Fact]
    public void Verifying_registers_an_account_without_a_role_once()
    {
        var signUp = Requested();
        var accountId = Guid.NewGuid();
        var decision = VerifySignUp.Decide(signUp, accountId, Now);
        var account = Assert.Single(decision.Events.OfType<AccountRegistered>());
        Assert.Empty(account.Roles);
        Assert.Equal(signUp.Email, account.Email);
        Assert.Equal(signUp.PasswordHash, account.PasswordHash);
        Assert.Single(decision.Events.OfType<SignUpEmailVerified>());

        Assert.Equal(OneTimeLink.Unusable, VerifySignUp.Decide(Requested(SignUpStatus.Pending), accountId, Now).Errors["token"].Single());
        Assert.Equal(OneTimeLink.Unusable, VerifySignUp.Decide(null, accountId, Now).Errors["token"].Single());
    }

    [Fact]
    public void Approving_gives_the_expert_role_and_the_profile_typed_at_sign_up_once()
    {
        var signUp = Requested(SignUpStatus.Pending);
        var profileId = Guid.NewGuid();
        var decision = ApproveSignUp.Decide(signUp, AccountOf(signUp), new ApproveSignUp(signUp.UserName, Moderator), profileId, Now);
        Assert.Equal([Role.Expert], decision.Events.OfType<AccountRolesChanged>().Single().Roles);
        var profile = decision.Events.OfType<ExpertProfileRegistered>().Single();
        Assert.Equal(signUp.Details, profile.Details);
        Assert.Equal(signUp.UserName, profile.UserName);

        var again = ApproveSignUp.Decide(SignUpProjection.Apply((SignUpApproved)decision.Events[0], signUp), AccountOf(signUp),
            new ApproveSignUp(signUp.UserName, Moderator), profileId, Now);
        Assert.Equal(Refusal.Conflict, again.Refusal);
    }

    [Fact]
    public void Only_moderators_decide_and_only_on_verified_requests_and_a_decline_needs_a_reason()
    {
        var pending = Requested(SignUpStatus.Pending);
        var expert = Caller.Of("expert1", "Chuyên gia", Role.Expert);
        Assert.Equal(Refusal.Forbidden, ApproveSignUp.Decide(pending, AccountOf(pending), new ApproveSignUp(pending.UserName, expert), Guid.NewGuid(), Now).Refusal);
        Assert.Equal(Refusal.NotFound, ApproveSignUp.Decide(null, null, new ApproveSignUp("ai.do", Moderator), Guid.NewGuid(), Now).Refusal);
        Assert.Equal(["reason"], DeclineSignUp.Decide(pending, AccountOf(pending), new DeclineSignUp(pending.UserName, "  ", Moderator), Now).Errors.Keys);
        var declined = Assert.IsType<SignUpDeclined>(
            DeclineSignUp.Decide(pending, AccountOf(pending), new DeclineSignUp(pending.UserName, " Chưa là hội viên. ", Moderator), Now).Events.Single());
        Assert.Equal("Chưa là hội viên.", declined.Reason);
    }
}

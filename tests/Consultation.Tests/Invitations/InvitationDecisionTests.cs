using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Invitations;
using Nq45Consult.Consultation.Invitations.Accepting;
using Nq45Consult.Consultation.Invitations.Inviting;
using Nq45Consult.Consultation.Invitations.Managing;
using Nq45Consult.Consultation.Tests.Consultations;

namespace Nq45Consult.Consultation.Tests.Invitations;

/// <summary>The decisions of invitations by e-mail, without a database.</summary>
public class InvitationDecisionTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    private static ExpertProfile Profile(string? userName, string? email) => new(Guid.NewGuid(), userName, ExpertProfile.Normalize(userName), null,
        new ProfileDetails("Nguyễn Văn Mới", AcademicTitle.None, Degree.Ts, ["y tế"], null, null, null, true, email, null),
        new ProfileConsent(false, false), null, Now, Now);

    private static InviteByEmail.Known Known(params ExpertProfile[] profiles) =>
        new(profiles.ToDictionary(p => p.Id), new Dictionary<string, string> { ["co.tai.khoan@example.vn"] = "expert1" },
            new Dictionary<string, ExpertProfile>(), new HashSet<string> { "dang.cho@example.vn" });

    private static EmailInvitation Invitation() => new(Guid.NewGuid(), Guid.NewGuid(), null, "moi@example.vn", null, null, Guid.NewGuid(), Now, "moderator");

    [Fact]
    public void Account_holders_are_invited_as_before_the_others_queued_once_each_and_the_skipped_ones_warned_about()
    {
        var withAccount = Profile("expert2", "le.nhung@example.vn");
        var member = Profile(null, "Thanh.Vien@Example.vn");
        var noAddress = Profile(null, null);
        var command = new InviteByEmail(Guid.NewGuid(), null, ["co.tai.khoan@example.vn", "MOI@example.vn", "moi@example.vn", "dang.cho@example.vn"],
            [withAccount.Id, member.Id, noAddress.Id], Given.Moderator);

        var decision = InviteByEmail.Decide(Given.Open(), command, Known(withAccount, member, noAddress), 100, Guid.NewGuid(), Now);

        Assert.True(decision.Accepted);
        Assert.Equal(["expert2", "expert1"], Assert.Single(decision.Events.OfType<ExpertsInvited>()).UserNames);
        var queued = Assert.Single(decision.Events.OfType<InvitationsQueued>());
        Assert.Equal([new Invitee("thanh.vien@example.vn", "Nguyễn Văn Mới", member.Id), new Invitee("moi@example.vn", null, null)], queued.Invitees);
        Assert.Equal(2, decision.Warnings.Count);
    }

    [Fact]
    public void Bad_addresses_unknown_profiles_too_many_or_a_closed_consultation_are_refused()
    {
        var caller = Given.Moderator;
        Assert.Equal("emails", InviteByEmail.Decide(Given.Open(), new(Guid.NewGuid(), null, ["khong-hop-le"], null, caller), Known(), 100, Guid.NewGuid(), Now).Field);
        Assert.Equal("profileIds", InviteByEmail.Decide(Given.Open(), new(Guid.NewGuid(), null, null, [Guid.NewGuid()], caller), Known(), 100, Guid.NewGuid(), Now).Field);
        Assert.Equal("emails", InviteByEmail.Decide(Given.Open(), new(Guid.NewGuid(), null, ["a@b.vn", "c@d.vn"], null, caller), Known(), 1, Guid.NewGuid(), Now).Field);
        Assert.Equal(Refusal.Conflict, InviteByEmail.Decide(Given.Closed(), new(Guid.NewGuid(), null, ["a@b.vn"], null, caller), Known(), 100, Guid.NewGuid(), Now).Refusal);
    }

    [Fact]
    public void A_chunk_starts_the_next_invitations_and_notes_the_batch_progress()
    {
        var batch = new InvitationBatch(Guid.NewGuid(), Guid.NewGuid(), null,
            [new("a@b.vn", null, null), new("c@d.vn", null, null), new("e@f.vn", null, null)], Now, "moderator") { Sent = 1, Remaining = 2 };
        var decision = SendInvitationChunk.Decide(batch, 5, Now);
        Assert.Equal(["c@d.vn", "e@f.vn"], decision.Events.OfType<InvitationEmailed>().Select(e => e.Email));
        Assert.Equal(2, Assert.Single(decision.Events.OfType<InvitationChunkSent>()).Count);
        Assert.Empty(SendInvitationChunk.Decide(batch with { Sent = 3, Remaining = 0 }, 5, Now).Events);
    }

    [Fact]
    public void Accepting_creates_an_expert_account_claims_the_profile_and_names_every_missing_answer()
    {
        var invitation = Invitation();
        var profile = Profile(null, "moi@example.vn");
        var accepted = AcceptInvitation.Decide(new AcceptInvitation("t", "nguoi.moi", "Mat-khau-manh-2026", null, true, true), invitation, profile,
            Given.Open(), false, Guid.NewGuid(), Guid.NewGuid(), p => "hash:" + p, Now);
        Assert.True(accepted.Accepted);
        var account = Assert.Single(accepted.Events.OfType<AccountRegistered>());
        Assert.Equal([Role.Expert], account.Roles);
        Assert.Equal(("Nguyễn Văn Mới", "moi@example.vn"), (account.DisplayName, account.Email));
        Assert.Equal("nguoi.moi", Assert.Single(accepted.Events.OfType<ExpertProfileClaimed>()).UserName);
        Assert.Equal(new ProfileConsent(true, true), Assert.Single(accepted.Events.OfType<ExpertConsentRecorded>()).Consent);
        Assert.Single(accepted.Events.OfType<InvitationAccepted>());
        Assert.Equal(["nguoi.moi"], Assert.Single(accepted.Events.OfType<ExpertsInvited>()).UserNames);

        var refused = AcceptInvitation.Decide(new AcceptInvitation("t", "x", "ngan", null, null, false), invitation, null,
            Given.Open(), false, Guid.NewGuid(), Guid.NewGuid(), p => p, Now);
        Assert.Equal(["userName", "password", "consentToAppearByName", "acceptTerms"], refused.Errors.Keys);
    }

    [Fact]
    public void Only_a_waiting_invitation_is_resent_or_revoked_and_revoking_twice_changes_nothing()
    {
        var waiting = Invitation();
        Assert.IsType<InvitationResent>(Assert.Single(ResendInvitation.Decide(waiting, new(waiting.Id, Given.Moderator), Now).Events));
        Assert.Equal(Refusal.Forbidden, ResendInvitation.Decide(waiting, new(waiting.Id, Given.Official), Now).Refusal);
        Assert.Equal(Refusal.NotFound, RevokeInvitation.Decide(null, new(waiting.Id, Given.Moderator), Now).Refusal);
        var revoked = waiting with { RevokedAt = Now };
        Assert.Empty(RevokeInvitation.Decide(revoked, new(waiting.Id, Given.Moderator), Now).Events);
        Assert.Equal(Refusal.Conflict, ResendInvitation.Decide(revoked, new(waiting.Id, Given.Moderator), Now).Refusal);
        Assert.Equal(Refusal.Conflict, RevokeInvitation.Decide(waiting with { AcceptedAt = Now }, new(waiting.Id, Given.Moderator), Now).Refusal);
    }
}

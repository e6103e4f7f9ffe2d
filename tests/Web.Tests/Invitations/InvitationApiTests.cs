using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Invitations.Inviting;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Invitations;

/// <summary>
/// Invitations to people without an account, over HTTP and the real SMTP server: the e-mailed link creates the account
/// once; reuse, expiry, a wrong token, revocation and resending each end as the same answer; moderators follow every step.
/// </summary>
public class InvitationApiTests(InvitationsApp app) : IClassFixture<InvitationsApp>
{
    private const string Strong = "Mat-khau-manh-2026";

    private static string Address() => $"moi.{Guid.NewGuid():N}@example.vn";

    private async Task<HttpResponseMessage> Invite(Guid consultation, object body) =>
        await (await app.As("moderator")).PostAsJsonAsync($"/api/consultations/{consultation}/invitations", body);

    private async Task<HttpResponseMessage> Accept(string token, string userName, string password = Strong, bool? consent = true) =>
        await (await app.As(null)).PostAsJsonAsync("/api/auth/invitations/accept", new { token, userName, password, consentToAppearByName = consent });

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task AssertUnusable(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OneTimeLink.Unusable, (await Json(response)).GetProperty("errors").GetProperty("token")[0].GetString());
    }

    /// <summary>Invites <paramref name="email"/> to a new open consultation and returns the consultation and the token e-mailed.</summary>
    private async Task<(Guid Consultation, string Token)> Invited(string email)
    {
        var (id, _) = await app.Consultation(audience: "invited");
        var before = app.Smtp.Received.Count;
        (await Invite(id, new { emails = new[] { email } })).EnsureSuccessStatusCode();
        return (id, InvitationsApp.TokenIn(await app.MailTo(email, before)));
    }

    [Fact]
    public async Task An_invited_address_gets_a_link_whose_page_marks_it_opened_and_which_creates_an_expert_account_once()
    {
        var email = Address();
        var (id, token) = await Invited(email);
        Assert.Equal("sent", (await app.Invitation(id, email)).GetProperty("status").GetString());

        var page = await (await app.As(null)).GetAsync($"/account/invitation?token={token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(email, await page.Content.ReadAsStringAsync());
        Assert.Equal("opened", (await app.Invitation(id, email)).GetProperty("status").GetString());

        var userName = $"moi{Guid.NewGuid():N}"[..20];
        var accepted = await Accept(token, userName);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await Json(accepted);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        var client = await app.As(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("accessToken").GetString());
        var me = await Json(await client.GetAsync("/api/me"));
        Assert.Equal(["Expert"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(userName, (await app.Details(id)).InvitedExperts, StringComparer.OrdinalIgnoreCase);

        var row = await app.Invitation(id, email);
        Assert.Equal("accepted", row.GetProperty("status").GetString());
        Assert.Equal(userName, row.GetProperty("userName").GetString());
        Assert.False(row.GetProperty("tookPart").GetBoolean());
        (await client.PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(null))).EnsureSuccessStatusCode();
        Assert.True((await app.Invitation(id, email)).GetProperty("tookPart").GetBoolean());

        await AssertUnusable(await Accept(token, userName + "x"));
        var again = await (await app.As(null)).GetAsync($"/account/invitation?token={token}");
        Assert.Contains("đã được dùng hoặc đã hết hạn", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_token_an_expired_one_and_bad_input_are_refused_and_bad_input_leaves_the_link_usable()
    {
        await AssertUnusable(await Accept("khong-phai-token", "ai.do"));
        await AssertUnusable(await Accept("", "ai.do"));

        var (_, token) = await Invited(Address());
        var weak = await Accept(token, "nguoi.moi.1", "ngan", consent: null);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var errors = (await Json(weak)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("password", out _));
        Assert.True(errors.TryGetProperty("consentToAppearByName", out _));
        var taken = await Accept(token, "expert1");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.True((await Json(taken)).GetProperty("errors").TryGetProperty("userName", out _));

        app.Clock.Advance(TimeSpan.FromDays(14));
        try
        {
            await AssertUnusable(await Accept(token, "nguoi.moi.2"));
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-14));
        }
        Assert.Equal(HttpStatusCode.OK, (await Accept(token, "nguoi.moi.3")).StatusCode);
    }

    [Fact]
    public async Task Resending_sends_a_new_link_and_revokes_the_old_and_revoking_ends_the_invitation()
    {
        var email = Address();
        var (id, old) = await Invited(email);
        var moderator = await app.As("moderator");
        var invitation = (await app.Invitation(id, email)).GetProperty("id").GetGuid();

        var before = app.Smtp.Received.Count;
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/email-invitations/{invitation}/resend", null)).StatusCode);
        var fresh = InvitationsApp.TokenIn(await app.MailTo(email, before));
        Assert.NotEqual(old, fresh);
        Assert.Equal(2, (await app.Invitation(id, email)).GetProperty("sends").GetInt32());
        await AssertUnusable(await Accept(old, "nguoi.gui.lai"));

        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/email-invitations/{invitation}/revoke", null)).StatusCode);
        Assert.Equal("revoked", (await app.Invitation(id, email)).GetProperty("status").GetString());
        await AssertUnusable(await Accept(fresh, "nguoi.gui.lai"));
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/email-invitations/{invitation}/resend", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/email-invitations/{invitation}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsync($"/api/email-invitations/{Guid.NewGuid()}/revoke", null)).StatusCode);
    }

    [Fact]
    public async Task The_existing_shapes_answer_as_before_and_bad_addresses_or_profiles_name_their_field()
    {
        var (id, _) = await app.Consultation(audience: "invited");
        var byName = await Invite(id, new { userNames = new[] { "expert2" } });
        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
        Assert.Equal(id, (await Json(byName)).GetProperty("id").GetGuid());
        Assert.Contains("expert2", (await app.Details(id)).InvitedExperts, StringComparer.OrdinalIgnoreCase);
        var unknownName = await Invite(id, new { userNames = new[] { "khong.co.ai" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownName.StatusCode);
        Assert.True((await Json(unknownName)).GetProperty("errors").TryGetProperty("userNames", out _));

        var bad = await Invite(id, new { emails = new[] { "khong-phai-dia-chi" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Json(bad)).GetProperty("errors").TryGetProperty("emails", out _));
        var unknownProfile = await Invite(id, new { profileIds = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownProfile.StatusCode);
        Assert.True((await Json(unknownProfile)).GetProperty("errors").TryGetProperty("profileIds", out _));
        Assert.Equal(0, (await app.Invitations(id)).GetProperty("invitations").GetArrayLength());
    }

    [Fact]
    public async Task A_registry_profile_is_invited_by_id_and_its_account_takes_the_profile_while_account_holders_get_the_usual_invitation()
    {
        var (id, _) = await app.Consultation(audience: "invited");
        var email = Address();
        var created = await app.Services.GetRequiredService<CreateProfileHandler>().Handle(new CreateProfile(null,
            new ProfileInput("Trần Thị Mới", "pgs", "ts", ["y tế"], null, "Bệnh viện tỉnh", null, true, email, null), null, "moderator"), CancellationToken.None);
        var profile = created.Profile!.Id;
        await using var profiles = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var expert2 = (await profiles.Query<ExpertProfile>()
            .Where(p => p.NormalizedUserName == "EXPERT2").SingleAsync()).Id;

        var before = app.Smtp.Received.Count;
        (await Invite(id, new { profileIds = new[] { profile, expert2 } })).EnsureSuccessStatusCode();
        Assert.Contains("expert2", (await app.Details(id)).InvitedExperts, StringComparer.OrdinalIgnoreCase);
        var row = Assert.Single((await app.Invitations(id)).GetProperty("invitations").EnumerateArray());
        Assert.Equal("Trần Thị Mới", row.GetProperty("name").GetString());
        var token = InvitationsApp.TokenIn(await app.MailTo(email, before));
        var page = await (await app.As(null)).GetAsync($"/account/invitation?token={token}");
        Assert.Contains("value=\"Trần Thị Mới\"", await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await Accept(token, "tran.thi.moi", consent: false)).StatusCode);
        await using var query = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var claimed = await query.LoadAsync<ExpertProfile>(profile);
        Assert.Equal("tran.thi.moi", claimed!.UserName);
        Assert.Equal(new ProfileConsent(ToBeContacted: true, ToAppearByName: false), claimed.Consent);

        var again = await Invite(id, new { emails = new[] { email } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single((await app.Invitations(id)).GetProperty("invitations").EnumerateArray());
    }

    [Fact]
    public async Task A_batch_is_sent_a_chunk_by_the_request_and_the_rest_in_the_background_each_address_once()
    {
        var (id, _) = await app.Consultation(audience: "invited");
        var emails = Enumerable.Range(0, 5).Select(_ => Address()).ToArray();
        (await Invite(id, new { emails = emails.Append(emails[0].ToUpperInvariant()).ToArray() })).EnsureSuccessStatusCode();
        var list = await app.Invitations(id);
        Assert.Equal(InvitationsApp.ChunkSize, list.GetProperty("invitations").GetArrayLength());
        Assert.Equal(5 - InvitationsApp.ChunkSize, list.GetProperty("queued").GetInt32());

        Assert.Equal(5 - InvitationsApp.ChunkSize, await app.Services.GetRequiredService<InvitationSender>().SendQueued());
        list = await app.Invitations(id);
        Assert.Equal(0, list.GetProperty("queued").GetInt32());
        Assert.Equal(emails.Order(), list.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("email").GetString()!).Order());
        var before = app.Smtp.Received.Count;
        foreach (var email in emails) InvitationsApp.TokenIn(await app.MailTo(email, before));

        var repeated = await Invite(id, new { emails });
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Contains("5 người đã có lời mời đang chờ", (await Json(repeated)).GetProperty("warnings")[0].GetString());
    }
}

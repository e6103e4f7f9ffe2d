using JasperFx;
using Marten;
using Marten.Exceptions;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.TestSupport;
using Weasel.Core;

namespace Nq45Consult.Consultation.Tests.Accounts;

public sealed class OneTimeLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));

    private static OneTimeLink Link(LinkPurpose purpose = LinkPurpose.PasswordReset, DateTimeOffset? used = null, DateTimeOffset? revoked = null) =>
        new(Guid.NewGuid(), purpose, "expert1", Now, Now.AddHours(1), used, revoked);

    [Fact]
    public void A_token_is_random_url_safe_and_only_its_hash_names_the_link()
    {
        var (first, issued) = OneTimeLink.Issue(LinkPurpose.Invitation, "a@b.vn", TimeSpan.FromDays(14), Now, "moderator");
        var (second, _) = OneTimeLink.Issue(LinkPurpose.Invitation, "a@b.vn", TimeSpan.FromDays(14), Now, "moderator");
        Assert.NotEqual(first, second);
        Assert.Equal(43, first.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", first);
        Assert.Equal(OneTimeLink.IdOf(first), issued.LinkId);
        Assert.DoesNotContain(first, issued.ToString(), StringComparison.Ordinal);
        Assert.Equal(Now.AddDays(14), issued.ExpiresAt);
    }

    [Fact]
    public void A_link_is_used_once_for_its_purpose_before_it_expires()
    {
        var link = Link();
        var used = OneTimeLink.Use(link, LinkPurpose.PasswordReset, Now.AddMinutes(59));
        Assert.True(used.Accepted);
        Assert.Equal(new OneTimeLinkUsed(link.Id, Now.AddMinutes(59)), Assert.Single(used.Events));
    }

    public static TheoryData<string> UnusableLinks => ["unknown", "used", "revoked", "expired", "other purpose"];

    [Theory]
    [MemberData(nameof(UnusableLinks))]
    public void Every_unusable_link_gets_the_same_answer(string why)
    {
        var (link, at, purpose) = why switch
        {
            "unknown" => ((OneTimeLink?)null, Now, LinkPurpose.PasswordReset),
            "used" => (Link(used: Now), Now, LinkPurpose.PasswordReset),
            "revoked" => (Link(revoked: Now), Now, LinkPurpose.PasswordReset),
            "expired" => (Link(), Now.AddHours(1), LinkPurpose.PasswordReset),
            _ => (Link(), Now, LinkPurpose.EmailVerification),
        };
        var decision = OneTimeLink.Use(link, purpose, at);
        Assert.Equal(Refusal.Invalid, decision.Refusal);
        Assert.Equal(OneTimeLink.Unusable, Assert.Single(decision.Errors["token"]));
    }

    [Fact]
    public async Task Two_uses_of_one_token_racing_let_exactly_one_through()
    {
        using var store = DocumentStore.For(options =>
        {
            options.Connection(TestCluster.CreateDatabase("one-time-links"));
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            options.AutoCreateSchemaObjects = AutoCreate.All;
            AccountsStore.Configure(options);
        });
        string token;
        await using (var session = store.LightweightSession())
        {
            token = session.Issue(LinkPurpose.PasswordReset, "expert1", TimeSpan.FromHours(1), Now, "expert1");
            await session.SaveChangesAsync();
        }

        await using var first = store.LightweightSession();
        await using var second = store.LightweightSession();
        var (a, _) = await first.UseLink(token, LinkPurpose.PasswordReset, Now, default);
        var (b, _) = await second.UseLink(token, LinkPurpose.PasswordReset, Now, default);
        Assert.True(a.Accepted && b.Accepted, "both read the link before either saved");
        await first.SaveChangesAsync();
        await Assert.ThrowsAnyAsync<ConcurrencyException>(() => second.SaveChangesAsync());

        await using var third = store.LightweightSession();
        var (again, link) = await third.UseLink(token, LinkPurpose.PasswordReset, Now, default);
        Assert.False(again.Accepted);
        Assert.Equal(Now, link!.UsedAt);

        await using var revoking = store.LightweightSession();
        var fresh = revoking.Issue(LinkPurpose.PasswordReset, "expert1", TimeSpan.FromHours(1), Now, "expert1");
        await revoking.SaveChangesAsync();
        await revoking.RevokeLinks(LinkPurpose.PasswordReset, "expert1", Now, "expert1", default);
        await revoking.SaveChangesAsync();
        Assert.False((await revoking.UseLink(fresh, LinkPurpose.PasswordReset, Now, default)).Decision.Accepted);
    }
}

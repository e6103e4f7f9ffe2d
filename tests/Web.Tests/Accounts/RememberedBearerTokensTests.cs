using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Tests.Accounts;

public class RememberedBearerTokensTests
{
    /// <summary>Opens "good" tokens only, counting how often it is asked.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Opened { get; private set; }

        public string Protect(AuthenticationTicket data) => "good";

        public string Protect(AuthenticationTicket data, string? purpose) => "good";

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Opened++;
            return protectedText == "good"
                ? new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "expert1")], "test")),
                    new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, "BearerToken")
                : null;
        }
    }

    [Fact]
    public void A_token_is_opened_once_and_every_call_gets_its_own_ticket()
    {
        var inner = new CountingFormat();
        var tokens = new RememberedBearerTokens(inner);

        var first = tokens.Unprotect("good")!;
        var second = tokens.Unprotect("good")!;

        Assert.Equal(1, inner.Opened);
        Assert.NotSame(first, second);
        Assert.NotSame(first.Principal, second.Principal);
        Assert.NotSame(first.Properties, second.Properties);
        Assert.Equal("expert1", second.Principal.Identity!.Name);
        Assert.Equal(first.Properties.ExpiresUtc, second.Properties.ExpiresUtc);
    }

    [Fact]
    public void Tokens_that_do_not_open_are_not_remembered()
    {
        var inner = new CountingFormat();
        var tokens = new RememberedBearerTokens(inner);

        Assert.Null(tokens.Unprotect("forged"));
        Assert.Null(tokens.Unprotect("forged"));
        Assert.Null(tokens.Unprotect(null));

        Assert.Equal(2, inner.Opened);
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using MimeKit;
using Nq45Consult.Web.Tests.Invitations;

namespace Nq45Consult.Web.Tests.Onboarding;

/// <summary>The invitations app (real SMTP on loopback, a clock the tests move) with room for many sign-ups from the test's one address.</summary>
public partial class OnboardingApp : InvitationsApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:SignUpPerAddress:Permits", "1000");
    }

    /// <summary>The token of the verification link in the message.</summary>
    public static string VerifyTokenIn(MimeMessage message)
    {
        var link = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(link.Success, message.TextBody);
        return link.Groups[1].Value;
    }

    [GeneratedRegex(@"https?://\S+/account/verify\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}

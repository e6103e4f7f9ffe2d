using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using MimeKit;
using Nq45Consult.Web.Tests.Infrastructure;
using Nq45Consult.Web.Tests.Invitations;

namespace Nq45Consult.Web.Tests.Accounts.Resetting;

/// <summary>
/// The app with the real SMTP server on loopback and a clock the tests move. The test apps lift every rate limit; the
/// per-e-mail limit of "forgot password" is set back to its default here, each test using addresses of its own.
/// </summary>
public partial class PasswordResetApp : InvitationsApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:PasswordResetPerEmail:Permits", "3");
    }

    /// <summary>A new expert account with a fresh address and the demo password; returns its user name and address.</summary>
    public async Task<(string UserName, string Email)> NewAccount()
    {
        var userName = $"quen.{Guid.NewGuid():N}"[..20];
        var email = $"{userName}@example.vn";
        // A fresh admin token: a test moving the clock past the token lifetime expires the one As() keeps.
        var created = await (await SignedIn("admin", DemoPassword))!.PostAsJsonAsync("/api/users",
            new { userName, displayName = "Nguyễn Thị Quên", email, roles = new[] { "Expert" }, password = DemoPassword });
        created.EnsureSuccessStatusCode();
        return (userName, email);
    }

    /// <summary>A client carrying a fresh bearer token of <paramref name="userName"/>, or null when the password is refused.</summary>
    public async Task<HttpClient?> SignedIn(string userName, string password)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password });
        if (!response.IsSuccessStatusCode) return null;
        var client = CreateClient();
        var token = (await response.Content.ReadFromJsonAsync<Token>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The token of the reset link in the message.</summary>
    public static string ResetTokenIn(MimeMessage message)
    {
        var link = ResetLinkPattern().Match(message.TextBody ?? "");
        Assert.True(link.Success, message.TextBody);
        Assert.StartsWith($"{BaseUrl}/account/reset?token=", link.Value);
        return link.Groups[1].Value;
    }

    private sealed record Token(string AccessToken);

    [GeneratedRegex(@"https?://\S+/account/reset\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex ResetLinkPattern();
}

/// <summary>The same app on real Kestrel at 127.0.0.1, for a browser.</summary>
public sealed class KestrelPasswordResetApp : PasswordResetApp
{
    public KestrelPasswordResetApp()
    {
        UseKestrel(0);
        StartServer();
        Root = Browser.AddressOf(Services);
    }

    public Uri Root { get; }
}

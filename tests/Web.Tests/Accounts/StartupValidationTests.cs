using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

public class StartupValidationTests
{
    [Theory]
    [InlineData("Auth:Mode", "Kerberos", "Auth:Mode")]
    [InlineData("Auth:Lockout:MaxFailures", "0", "Auth:Lockout:MaxFailures")]
    [InlineData("Auth:CookieMinutes", "0", "Auth:CookieMinutes")]
    [InlineData("Auth:EmailChange:LinkMinutes", "0", "Auth:EmailChange:LinkMinutes")]
    [InlineData("RateLimits:VotesPerUser:Permits", "0", "RateLimits:VotesPerUser:Permits")]
    [InlineData("RateLimits:SignInPerAddress:Window", "00:00:00", "RateLimits:SignInPerAddress:Window")]
    [InlineData("Pdf:ChromiumPath", "chromium", "Pdf:ChromiumPath")]
    [InlineData("Pdf:MaxConcurrentRenders", "0", "Pdf:MaxConcurrentRenders")]
    public void A_wrong_auth_setting_stops_start_up_naming_its_key(string key, string value, string named)
    {
        using var app = new AppWithSettings(new Dictionary<string, string?> { [key] = value });

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(named, error.ToString());
    }

    [Fact]
    public void Entra_id_mode_without_a_client_id_stops_start_up_naming_the_key()
    {
        using var app = new AppWithSettings(new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "EntraId",
            ["AzureAd:TenantId"] = "11111111-2222-3333-4444-555555555555",
        });

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("AzureAd:ClientId", error.ToString());
        Assert.DoesNotContain("AzureAd:TenantId", error.Message);
    }

    [Fact]
    public void Both_mode_without_the_entra_id_settings_stops_start_up_naming_them()
    {
        using var app = new AppWithSettings(new Dictionary<string, string?> { ["Auth:Mode"] = "Both" });

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("AzureAd:TenantId", error.ToString());
        Assert.Contains("AzureAd:ClientId", error.ToString());
    }

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    [InlineData("Consumers")]
    public void Entra_id_mode_with_a_multi_tenant_tenant_id_stops_start_up_naming_the_setting(string tenant)
    {
        using var app = new AppWithSettings(new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "EntraId",
            ["AzureAd:TenantId"] = tenant,
            ["AzureAd:ClientId"] = "66666666-7777-8888-9999-000000000000",
        });

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("AzureAd:TenantId", error.ToString());
        Assert.Contains($"'{tenant}'", error.ToString());
    }
}

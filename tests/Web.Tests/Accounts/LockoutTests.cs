using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

public sealed class LockoutApp() : AppWithSettings(
    new Dictionary<string, string?> { ["Auth:Lockout:MaxFailures"] = "3", ["Auth:Lockout:Minutes"] = "10" },
    services => services.AddSingleton<TimeProvider>(Clock))
{
    public static readonly ManualClock Clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
}

public class LockoutTests(LockoutApp app) : IClassFixture<LockoutApp>
{
    [Fact]
    public async Task Repeated_failures_lock_the_account_until_the_configured_minutes_pass()
    {
        var client = app.CreateClient();
        for (var attempt = 0; attempt < 3; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync("expert2", "wrong")).StatusCode);

        var whileLocked = await client.LoginAsync("expert2", ConsultationApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, whileLocked.StatusCode);
        var wrongPassword = await client.LoginAsync("expert1", "wrong");
        Assert.Equal((await wrongPassword.JsonAsync()).GetProperty("detail").GetString(), (await whileLocked.JsonAsync()).GetProperty("detail").GetString());

        LockoutApp.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync("expert2", ConsultationApp.DemoPassword)).StatusCode);

        LockoutApp.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync("expert2", ConsultationApp.DemoPassword)).StatusCode);
    }
}

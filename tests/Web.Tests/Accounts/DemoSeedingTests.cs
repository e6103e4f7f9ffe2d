using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.TestSupport;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

public class DemoSeedingTests
{
    [Fact]
    public async Task A_second_start_on_the_same_database_creates_no_account()
    {
        var database = TestCluster.CreateDatabase("seeding");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Marten"] = database };

        using (var first = new AppWithSettings(settings)) Assert.Equal(6, await CountAccountsAsync(first));
        using var second = new AppWithSettings(settings);

        Assert.Equal(6, await CountAccountsAsync(second));
        Assert.Equal(
            ["admin", "expert1", "expert2", "expert3", "moderator", "official"],
            await QueryAsync(second, session => session.Query<Account>().OrderBy(a => a.UserName).Select(a => a.UserName).ToListAsync()));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Without_a_configured_password_one_is_generated_kept_in_the_file_and_reused_and_the_log_names_only_the_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"nq45-seed-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "data", "demo-password.txt");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marten"] = TestCluster.CreateDatabase("seedpassword"),
            ["Seed:DemoPassword"] = "",
            ["Seed:DemoPasswordFile"] = file,
        };
        try
        {
            string password;
            var firstLogs = new KeptLogs();
            using (var first = new AppWithSettings(settings, services => services.AddSingleton<ILoggerProvider>(firstLogs)))
            {
                first.CreateClient();
                password = File.ReadAllText(file).Trim();
                Assert.True(password.Length >= 16);
                Assert.NotEqual(ConsultationApp.DemoPassword, password);
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().LoginAsync("expert1", password)).StatusCode);
            }
            Assert.Contains(firstLogs.Logged, l => l.Level == LogLevel.Warning && l.Message.Contains(file));
            Assert.DoesNotContain(firstLogs.Logged, l => l.Message.Contains(password));

            var secondLogs = new KeptLogs();
            using var second = new AppWithSettings(settings, services => services.AddSingleton<ILoggerProvider>(secondLogs));
            second.CreateClient();
            Assert.Equal(password, File.ReadAllText(file).Trim());
            Assert.DoesNotContain(secondLogs.Logged, l => l.Message.Contains(password));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Seeding_is_off_when_the_setting_says_so()
    {
        using var app = new AppWithSettings(new Dictionary<string, string?> { ["Seed:Demo"] = "false" });

        Assert.Equal(0, await CountAccountsAsync(app));
    }

    private static Task<int> CountAccountsAsync(ConsultationApp app) => QueryAsync(app, session => session.Query<Account>().CountAsync());

    private static async Task<T> QueryAsync<T>(ConsultationApp app, Func<IQuerySession, Task<T>> query)
    {
        app.CreateClient();
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await query(session);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>Two feedback submissions and one report per person per hour.</summary>
public sealed class FeedbackLimitsApp : FeedbackFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:FeedbackPerUser:Permits", "2");
        builder.UseSetting("RateLimits:FeedbackPerUser:Window", "01:00:00");
        builder.UseSetting("RateLimits:ReportsPerUser:Permits", "1");
        builder.UseSetting("RateLimits:ReportsPerUser:Window", "01:00:00");
    }
}

public class FeedbackLimitTests(FeedbackLimitsApp app) : IClassFixture<FeedbackLimitsApp>
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    [Fact]
    public async Task Submissions_over_the_limit_are_refused_per_person_through_the_api_and_the_form_alike()
    {
        var (consultation, _) = await app.Consultation();
        await app.Submitted(consultation, null, "expert1");
        await app.Submitted(consultation, null, "expert1");

        var third = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(null, "Lần thứ ba."));

        await Refusals.AssertProblem(third, Window);
        Assert.Equal(2, (await (await app.As("expert1")).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/feedback")).EnumerateArray()
            .Count(i => i.GetProperty("consultationId").GetGuid() == consultation));
        await app.Submitted(consultation, null, "expert2");

        // The same person on the feedback form, signed in with a cookie: the same count.
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "expert1", ["Password"] = ConsultationApp.DemoPassword,
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(await browser.GetStringAsync("/account/login")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var form = await browser.GetStringAsync($"/feedback/write/{consultation}");
        var page = await browser.PostAsync($"/feedback/write/{consultation}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Stance"] = "support", ["Rationale"] = "Qua biểu mẫu.", ["Attribution"] = "named",
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(form),
        }));
        Refusals.AssertTooManyRequests(page, Window);
        Assert.Contains("Vui lòng thử lại sau", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reports_over_the_limit_are_refused_per_person()
    {
        var (consultation, _) = await app.Consultation();
        var first = await app.Submitted(consultation, null, "expert3");
        var second = await app.Submitted(consultation, null, "expert3");
        var reporter = await app.As("expert2");

        Assert.True((await reporter.PostAsJsonAsync($"/api/feedback/{first}/reports", new { reason = "Lạc đề", category = "other" })).IsSuccessStatusCode);
        var refused = await reporter.PostAsJsonAsync($"/api/feedback/{second}/reports", new { reason = "Lạc đề", category = "other" });

        await Refusals.AssertProblem(refused, Window);
        Assert.True((await (await app.As("expert1")).PostAsJsonAsync($"/api/feedback/{second}/reports", new { reason = "Lạc đề", category = "other" })).IsSuccessStatusCode);
    }
}

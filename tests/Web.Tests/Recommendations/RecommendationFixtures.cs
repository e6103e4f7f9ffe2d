using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts.Registering;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Recommendations;

/// <summary>What the recommendation tests set up over HTTP: recommendations, agencies and officials who belong to one.</summary>
public static class RecommendationFixtures
{
    public static async Task<Guid> Recommend(this FeedbackFixture app, string expert, string attribution = "named", string topic = "Kho dữ liệu y tế dùng chung")
    {
        var response = await (await app.As(expert)).PostAsJsonAsync("/api/recommendations", new { topic, fields = new[] { "y tế" }, text = "Cần một kho dữ liệu chung cho các bệnh viện.", attribution });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The recommendation as <paramref name="who"/> reads it in the list; null when it is not listed to them.</summary>
    public static async Task<JsonElement?> Listed(this FeedbackFixture app, string? who, Guid id)
    {
        var list = await (await app.As(who)).GetFromJsonAsync<JsonElement[]>("/api/recommendations") ?? [];
        return list.Where(r => r.GetProperty("id").GetGuid() == id).Select(r => (JsonElement?)r).SingleOrDefault();
    }

    /// <summary>A new agency, added by the demo admin.</summary>
    public static async Task<Guid> Agency(this FeedbackFixture app, string name)
    {
        var created = await (await app.As("admin")).PostAsJsonAsync("/api/agencies", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The agency the demo <c>official</c> belongs to.</summary>
    public static async Task<Guid> DemoAgency(this FeedbackFixture app)
    {
        var agencies = await (await app.As("admin")).GetFromJsonAsync<JsonElement[]>("/api/agencies") ?? [];
        return agencies.Single(a => a.GetProperty("name").GetString() == Consultation.Accounts.Agencies.DemoAgencies.AgencyName).GetProperty("id").GetGuid();
    }

    /// <summary>A new official account with the demo password, made a member of <paramref name="agency"/> by the admin.</summary>
    public static async Task<string> OfficialOf(this FeedbackFixture app, string userName, Guid agency)
    {
        await app.Services.GetRequiredService<RegisterAccountHandler>()
            .Handle(new RegisterAccount(userName, $"Cán bộ {userName}", [Role.Official], FeedbackFixture.DemoPassword, "tests"), CancellationToken.None);
        (await (await app.As("admin")).PostAsJsonAsync($"/api/users/{userName}/agency", new { agencyId = agency })).EnsureSuccessStatusCode();
        return userName;
    }
}

/// <summary>The app with a 64 KB attachment limit, so a test can send a file over it cheaply.</summary>
public sealed class SmallAttachmentsApp : FeedbackFixture
{
    public const int MaxBytes = 64 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Attachments:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Registering;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Cases;

/// <summary>A case brought, through its routes, to where what hangs off it (documents, meeting, minutes) is tested.</summary>
public static class CaseSteps
{
    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A critique requested by the demo official (agency "Ban Tuyên giáo Tỉnh ủy") on a new open consultation, accepted by the Union.</summary>
    public static async Task<(Guid Case, Guid Consultation)> Accepted(FeedbackFixture app, string subject)
    {
        var (consultation, _) = await app.Consultation();
        var created = await (await app.As("official")).PostAsJsonAsync("/api/cases",
            new { kind = "critique", subject, consultationId = consultation, dueAt = DateTimeOffset.UtcNow.AddDays(60) });
        var id = (await Json(created)).GetProperty("id").GetGuid();
        (await (await app.As("moderator")).PostAsync($"/api/cases/{id}/accept", null)).EnsureSuccessStatusCode();
        return (id, consultation);
    }

    /// <summary>A demo expert of the registry appointed by the moderator to <paramref name="role"/>, accepting the seat.</summary>
    public static async Task Seated(FeedbackFixture app, Guid caseId, string userName, string role)
    {
        var moderator = await app.As("moderator");
        var candidates = await Json(await moderator.GetAsync($"/api/cases/{caseId}/candidates?q={userName}"));
        var profileId = candidates.EnumerateArray().Single(c => c.GetProperty("userName").GetString() == userName).GetProperty("profileId").GetGuid();
        var member = (await Json(await moderator.PostAsJsonAsync($"/api/cases/{caseId}/council", new { profileId, role }))).GetProperty("id").GetGuid();
        (await (await app.As(userName)).PostAsync($"/api/cases/{caseId}/council/{member}/accept", null)).EnsureSuccessStatusCode();
    }

    /// <summary>The council's meeting: a session of the case's consultation, linked to the case, held (started and ended).</summary>
    public static async Task<Guid> HeldMeeting(FeedbackFixture app, Guid caseId, Guid consultation)
    {
        var moderator = await app.As("moderator");
        var session = (await Json(await moderator.PostAsJsonAsync($"/api/consultations/{consultation}/sessions",
            new { title = "Họp hội đồng phản biện", startsAt = DateTimeOffset.UtcNow.AddHours(1), agenda = "critique-conference" }))).GetProperty("id").GetGuid();
        (await moderator.PostAsJsonAsync($"/api/cases/{caseId}/session", new { sessionId = session })).EnsureSuccessStatusCode();
        (await moderator.PostAsync($"/api/sessions/{session}/start", null)).EnsureSuccessStatusCode();
        (await moderator.PostAsync($"/api/sessions/{session}/end", null)).EnsureSuccessStatusCode();
        return session;
    }

    /// <summary>An account with one role and no agency (an official of no agency sees no agency's cases).</summary>
    public static async Task<string> Account(FeedbackFixture app, string userName, Role role)
    {
        await using (var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession())
            if (await AccountLookup.ExistsAsync(session, userName, CancellationToken.None)) return userName;
        await app.Services.GetRequiredService<RegisterAccountHandler>()
            .Handle(new RegisterAccount(userName, $"Người {userName}", [role], ConsultationApp.DemoPassword, "tests"), CancellationToken.None);
        return userName;
    }

    /// <summary>POST {owner}/{id}/attachments with the multipart field <c>file</c>.</summary>
    public static async Task<HttpResponseMessage> Attach(HttpClient client, string path, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(path, form);
    }
}

using System.Net.Http.Json;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>Calls of the accounts API shared by the tests.</summary>
public static class AccountsApi
{
    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { userName, password });

    public static async Task<string> TokenAsync(this HttpClient client, string userName, string password)
    {
        var response = await client.LoginAsync(userName, password);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    /// <summary>The client, signed in: every request carries the account's bearer token.</summary>
    public static async Task<HttpClient> SignedInAs(this HttpClient client, string userName, string password)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await client.TokenAsync(userName, password));
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}

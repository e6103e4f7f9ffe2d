using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>Entra ID accounts are keyed by tenant id + object id (<c>tid</c>, <c>oid</c>), never by <c>preferred_username</c>.</summary>
public class EntraIdAccountsTests(EntraIdApp app) : IClassFixture<EntraIdApp>
{
    private const string OtherTenant = "99999999-8888-7777-6666-555555555555";

    [Fact]
    public async Task A_renamed_person_keeps_their_account_and_a_newcomer_given_the_old_name_gets_another()
    {
        var oid = Guid.NewGuid().ToString();
        var before = await Me(EntraIdApp.TokenOf(EntraIdApp.TenantId, oid, "hoa.le@so-tu-phap.example", "Lê Thị Hoa", "Expert"));
        Assert.Equal("hoa.le@so-tu-phap.example", before.GetProperty("userName").GetString());

        // The directory renames her; her account (and the name her feedback refers to) stays hers.
        var renamed = await Me(EntraIdApp.TokenOf(EntraIdApp.TenantId, oid, "hoa.nguyen@so-tu-phap.example", "Nguyễn Thị Hoa", "Expert", "Moderator"));
        // Another person of the same tenant is then given her former name.
        var newcomer = await Me(EntraIdApp.TokenOf(EntraIdApp.TenantId, Guid.NewGuid().ToString(), "hoa.le@so-tu-phap.example", "Lê Văn Hòa", "Expert"));

        Assert.Equal("hoa.le@so-tu-phap.example", renamed.GetProperty("userName").GetString());
        Assert.Equal(["Expert", "Moderator"], renamed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("hoa.le@so-tu-phap.example-2", newcomer.GetProperty("userName").GetString());
        Assert.Equal(["Expert"], newcomer.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var admin = Admin();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/users/hoa.nguyen@so-tu-phap.example")).StatusCode);
        var history = (await admin.GetFromJsonAsync<JsonElement>("/api/users/hoa.le@so-tu-phap.example/history")).EnumerateArray().ToList();
        Assert.Equal(["registered-via-entra-id", "roles-changed"], history.Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task People_of_two_tenants_with_the_same_name_are_two_accounts()
    {
        var here = EntraIdApp.TokenOf(EntraIdApp.TenantId, Guid.NewGuid().ToString(), "an.tran@example.vn", "Trần An", "Expert");
        var there = EntraIdApp.TokenOf(OtherTenant, Guid.NewGuid().ToString(), "an.tran@example.vn", "Trần Văn An", "Official");

        var first = await Me(here);
        var second = await Me(there);

        Assert.Equal("an.tran@example.vn", first.GetProperty("userName").GetString());
        Assert.Equal("an.tran@example.vn-2", second.GetProperty("userName").GetString());
        Assert.Equal(["Official"], second.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        // Deactivating one leaves the other signed in.
        Assert.Equal(HttpStatusCode.OK, (await Admin().PostAsync("/api/users/an.tran@example.vn/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(here).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(there).GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("tid")]
    [InlineData("oid")]
    public async Task A_token_without_a_tenant_or_object_id_is_refused(string missing)
    {
        var claims = new Dictionary<string, object>
        {
            ["name"] = "Không rõ",
            ["preferred_username"] = "khong.ro@example.vn",
            ["oid"] = Guid.NewGuid().ToString(),
            ["tid"] = EntraIdApp.TenantId,
            ["roles"] = new[] { "Expert" },
        };
        claims.Remove(missing);

        var response = await Client(EntraIdApp.Sign(claims)).GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin().GetAsync("/api/users/khong.ro@example.vn")).StatusCode);
    }

    private async Task<JsonElement> Me(string token)
    {
        var response = await Client(token).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private HttpClient Admin() => Client(EntraIdApp.TokenFor("it.admin@so-tu-phap.example", "Quản trị CNTT", "Admin"));

    private HttpClient Client(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

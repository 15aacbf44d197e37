using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Staff;

/// <summary>
/// Microsoft Entra ID through App Service Authentication: the platform's <c>X-MS-CLIENT-PRINCIPAL</c> header (its
/// documented shape: base64 JSON with <c>auth_typ</c> and <c>claims</c> of <c>typ</c>/<c>val</c>) maps a person to
/// towns by group or e-mail — and is ignored unless the deployment says it sits behind App Service Authentication.
/// </summary>
public sealed class AppServiceSignInMapsPeopleToTowns(AzuriteFixture azurite) : AppTest(azurite)
{
    private const string ClerksGroup = "6f1a9c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

    protected override Dictionary<string, string>? Settings => new()
    {
        ["Open311:TrustAppServiceAuthentication"] = "true",
        ["Open311:StaffGroups"] = $"{ClerksGroup}={Towns.Riverton}",
        ["Open311:StaffEmails"] = $"mayor@riverton.example={Towns.Riverton}",
    };

    public override Task InitializeAsync() => App.PutRivertonAsync();

    [Fact]
    public async Task AGroupOrAnAddressMakesAPersonStaffOfTheirTown()
    {
        var byGroup = await MeAsync(Principal(("name", "Jo Clerk"), ("preferred_username", "jo@riverton.example"), ("groups", ClerksGroup), ("groups", "another-group")));
        Assert.Equal(HttpStatusCode.OK, byGroup.StatusCode);
        var me = await JsonOf(byGroup);
        Assert.Equal("Jo Clerk (jo@riverton.example)", me["name"]!.GetValue<string>());
        Assert.Equal([Towns.Riverton], me["jurisdictions"]!.AsArray().Select(j => j!["id"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, (await MeAsync(Principal(("name", "The Mayor"), ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "Mayor@Riverton.example")))).StatusCode);
        Assert.Contains("works for no town", (await AssertJsonErrors(await MeAsync(Principal(("name", "Visitor"), ("preferred_username", "someone@example.org"))), 403))[0]);
        await AssertJsonErrors(await MeAsync("not base64 at all"), 401);
    }

    [Fact]
    public async Task WithoutTheSettingTheHeaderIsAnyonesWordAndIgnored()
    {
        await using var direct = new Open311App(Azurite.ConnectionString, settings: new() { ["Open311:StaffGroups"] = $"{ClerksGroup}={Towns.Riverton}" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open311/manage/staff/me");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Principal(("name", "Forged"), ("groups", ClerksGroup)));
        await AssertJsonErrors(await direct.CreateClient().SendAsync(request), 401);
    }

    private async Task<HttpResponseMessage> MeAsync(string principal)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open311/manage/staff/me");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        return await Client.SendAsync(request);
    }

    private static string Principal(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["auth_typ"] = "aad",
            ["claims"] = new JsonArray([.. claims.Select(c => (JsonNode)new JsonObject { ["typ"] = c.Type, ["val"] = c.Value })]),
            ["name_typ"] = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
            ["role_typ"] = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        }.ToJsonString()));
}

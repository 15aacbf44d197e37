using System.Net;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Security;

/// <summary>The public API is readable from any origin; the manage API only from the origins configured for it.</summary>
public sealed class CorsByRoute(AzuriteFixture azurite) : AppTest(azurite)
{
    [Fact]
    public async Task TheManageApiGivesNoCorsUnlessItsOriginIsConfigured()
    {
        await using var configured = new Open311App(Azurite.ConnectionString, settings: new() { ["Open311:ManageCorsOrigins"] = "https://clerk.riverton.example" });

        var open = await SendAsync(App, HttpMethod.Get, "/open311/manage/jurisdictions", "https://evil.example");
        var other = await SendAsync(configured, HttpMethod.Get, "/open311/manage/jurisdictions", "https://evil.example");
        var clerk = await SendAsync(configured, HttpMethod.Get, "/open311/manage/jurisdictions", "https://clerk.riverton.example");

        Assert.False(open.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("https://clerk.riverton.example", clerk.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Origin", clerk.Headers.Vary);
    }

    [Fact]
    public async Task PreflightsAnswerByRoute()
    {
        var manage = await PreflightAsync(App, "/open311/manage/requests/1", "PATCH");
        var requests = await PreflightAsync(App, "/open311/v2/requests.json", "POST");

        Assert.Equal(HttpStatusCode.NoContent, manage.StatusCode);
        Assert.False(manage.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NoContent, requests.StatusCode);
        Assert.Equal("*", requests.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("GET, POST, OPTIONS", requests.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("Authorization", requests.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }

    [Fact]
    public async Task AWrongMethodIs405WithAllowAndAnUnknownPathIs404InOpen311Form()
    {
        var wrong = await Client.DeleteAsync("/open311/v2/requests.json");
        var unknown = await Client.GetAsync("/open311/v9/requests.xml");

        await AssertJsonErrors(wrong, 405);
        Assert.Equal(["GET", "POST"], wrong.Content.Headers.Allow.Order());
        await AssertXmlErrors(unknown, 404);
    }

    private static async Task<HttpResponseMessage> SendAsync(Open311App app, HttpMethod method, string path, string origin)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Authorization = new("Bearer", Open311App.AdminKey);
        return await app.CreateClient().SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(Open311App app, string path, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization, if-match");
        return await app.CreateClient().SendAsync(request);
    }
}

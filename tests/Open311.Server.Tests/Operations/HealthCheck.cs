using System.Net;
using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Operations;

public sealed class HealthCheck(AzuriteFixture azurite) : AppTest(azurite)
{
    [Fact]
    public async Task HealthyWhenStorageAnswers()
    {
        var response = await Client.GetAsync("/open311/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await JsonOf(response))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnhealthyWhenStorageIsUnreachable()
    {
        var closedPort = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var app = new Open311App(closedPort);

        var response = await app.CreateClient().GetAsync("/open311/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOpen311CallAnswers503InOpen311FormWhenStorageIsUnreachable()
    {
        var closedPort = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var app = new Open311App(closedPort);

        var response = await app.CreateClient().GetAsync("/open311/v2/services.json");

        await AssertJsonErrors(response, 503);
        Assert.True(response.Headers.Contains("Retry-After"));
    }
}

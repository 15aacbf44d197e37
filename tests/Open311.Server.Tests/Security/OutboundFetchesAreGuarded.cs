using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Open311.Connectors.Ushahidi;
using Open311.Core.Outbound;
using Open311.Server.Tests.Infrastructure;
using Open311.Testing;

namespace Open311.Server.Tests.Security;

/// <summary>
/// Every outbound call the app can make goes through the guarded client, and what a source or an admin names as a
/// URL cannot make the server fetch from inside its own network. Listeners on 127.0.0.1 play public servers (allowed
/// by the test's setting, as a town would allow its own network); 127.0.0.2 plays everything internal.
/// </summary>
public sealed class OutboundFetchesAreGuarded(AzuriteFixture azurite) : AppTest(azurite)
{
    [Fact]
    public void EveryHttpClientTheAppBuildsEndsInTheGuard()
    {
        var consumers = new[] { "Open311.Core", "Open311.Connectors", "Open311.Api", "Open311.Storage" }
            .Select(Assembly.Load)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(HttpClient))))
            .ToList();
        var factory = App.Services.GetRequiredService<IHttpMessageHandlerFactory>();

        Assert.True(consumers.Count >= 4, $"found only {consumers.Count} classes that take an HttpClient");
        Assert.All(consumers, type =>
        {
            var chain = new List<HttpMessageHandler>();
            for (HttpMessageHandler? handler = factory.CreateHandler(type.Name); handler is not null; handler = (handler as DelegatingHandler)?.InnerHandler)
            {
                chain.Add(handler);
            }

            Assert.True(chain.OfType<GuardedHttpHandler>().Any(), $"{type.Name}'s HttpClient does not go through the guard: {string.Join(" → ", chain.Select(h => h.GetType().Name))}");
        });
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/open311/v2", "loopback")]
    [InlineData("http://2130706433:{0}/open311/v2", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/open311/v2", "loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data", "link-local")]
    public async Task ACatalogueSyncCannotReachInsideTheNetwork(string endpoint, string kind)
    {
        await using var inside = new LoopbackHttpServer(IPAddress.Loopback);
        await PutRemoteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, endpoint, inside.Port));

        var synced = await App.Admin().PostAsync("/open311/manage/jurisdictions/far/sync", null);

        var errors = await AssertJsonErrors(synced, 502);
        Assert.Contains(kind, errors[0]);
        Assert.Equal(0, inside.Connections);
    }

    [Fact]
    public async Task ACatalogueAnswerThatNeverEndsIsCutOff()
    {
        await using var city = new LoopbackHttpServer(IPAddress.Loopback)
        {
            Respond = async (_, stream, ct) =>
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"), ct);
                var chunk = Encoding.ASCII.GetBytes($"10000\r\n{new string(' ', 0x10000)}\r\n");
                for (var i = 0; i < 4096 && !ct.IsCancellationRequested; i++)
                {
                    await stream.WriteAsync(chunk, ct);
                }
            },
        };
        await using var hub = new Open311App(Azurite.ConnectionString, settings: Open311App.LoopbackAllowed);
        await PutRemoteAsync($"http://127.0.0.1:{city.Port}/open311/v2", hub);

        var errors = await AssertJsonErrors(await hub.Admin().PostAsync("/open311/manage/jurisdictions/far/sync", null), 502);

        Assert.Contains("larger than", errors[0]);
    }

    [Fact]
    public async Task AnUshahidiMediaAnswerNamingAnInternalAddressIsNotFetched()
    {
        await using var inside = new LoopbackHttpServer(IPAddress.Parse("127.0.0.2"));
        await using var deployment = new LoopbackHttpServer(IPAddress.Loopback)
        {
            Respond = (path, stream, ct) => LoopbackHttpServer.WriteAsync(
                stream, "200 OK", "{\"result\":{\"id\":7,\"mime\":\"image/png\",\"original_file_url\":\"http://127.0.0.2:" + inside.Port + "/internal/admin.png\"}}", ct, "Content-Type: application/json\r\n"),
        };
        await using var hub = new Open311App(Azurite.ConnectionString, settings: Open311App.LoopbackAllowed);
        await hub.PutRivertonAsync();
        await PutSourceAsync(hub, $"http://127.0.0.1:{deployment.Port}");

        var response = await DeliverAsync(hub, """{"id":41,"title":"Pothole","content":"Deep pothole","values":{"8b1c":[{"lon":-72.57,"lat":44.2}],"media":[7]},"tags":[12]}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, inside.Connections);
        Assert.True(deployment.Connections >= 1);
        var record = JsonNode.Parse(await response.Content.ReadAsStringAsync())![0]!;
        var request = await JsonOf(await hub.CreateClient().GetAsync($"/open311/v2/requests/{record["service_request_id"]}.json"));
        Assert.DoesNotContain("127.0.0.2", request.ToJsonString());
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"result\":null}")]
    [InlineData("<html>maintenance</html>")]
    public async Task AMalformedMediaAnswerStillTakesThePostIn(string answer)
    {
        await using var deployment = new LoopbackHttpServer(IPAddress.Loopback)
        {
            Respond = (_, stream, ct) => LoopbackHttpServer.WriteAsync(stream, "200 OK", answer, ct, "Content-Type: application/json\r\n"),
        };
        await using var hub = new Open311App(Azurite.ConnectionString, settings: Open311App.LoopbackAllowed);
        await hub.PutRivertonAsync();
        await PutSourceAsync(hub, $"http://127.0.0.1:{deployment.Port}");

        var response = await DeliverAsync(hub, """{"id":42,"title":"Pothole","content":"Deep pothole","values":{"8b1c":[{"lon":-72.57,"lat":44.2}],"media":[7]},"tags":[12]}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("created", JsonNode.Parse(await response.Content.ReadAsStringAsync())![0]!["outcome"]!.GetValue<string>());
    }

    private Task PutRemoteAsync(string endpoint, Open311App? app = null) =>
        (app ?? App).PutTownAsync("far", new JsonObject
        {
            ["name"] = "Far City",
            ["remote"] = new JsonObject { ["endpoint"] = endpoint },
            ["services"] = new JsonArray(new JsonObject { ["service_code"] = "old", ["service_name"] = "Old" }),
        }.ToJsonString());

    private const string WebhookUrl = "https://hub.example.org/open311/connectors/ushahidi/crisis/webhook";

    private static async Task PutSourceAsync(Open311App app, string deployment)
    {
        var source = new JsonObject
        {
            ["type"] = "ushahidi", ["deployment_url"] = deployment, ["api_version"] = "v5", ["media_key"] = "media",
            ["webhook_url"] = WebhookUrl, ["webhook_secret"] = "s3cret", ["category_map"] = new JsonObject { ["tag:12"] = "pothole" },
        };
        var response = await app.Admin().PutAsync("/open311/manage/sources/crisis", new StringContent(source.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> DeliverAsync(Open311App app, string body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/open311/connectors/ushahidi/crisis/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.TryAddWithoutValidation("X-Ushahidi-Signature", UshahidiSignature.Compute("s3cret", WebhookUrl, Encoding.UTF8.GetBytes(body)));
        return app.CreateClient().SendAsync(message);
    }
}

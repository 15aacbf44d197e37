using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api;
using Open311.Api.Discovery;
using Open311.Api.Services;
using Open311.Functions.Http;
using Open311.Storage;
using Open311.Testing;

namespace Open311.Functions.Tests;

/// <summary>
/// Calls the [Function] classes the way the worker's ASP.NET Core integration does (an HttpRequest in, an IResult
/// out, executed against the HttpContext), with the Functions app's own service registrations and real storage.
/// </summary>
public sealed class FunctionAdaptersCallTheSharedHandlers : IAsyncLifetime
{
    private AzuriteProcess? azurite;
    private ServiceProvider? services;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Open311:PublicBaseUrl"] = "https://311.example.org",
        }).Build();
        services = new ServiceCollection().AddLogging().AddOpen311Storage(configuration).AddOpen311Api(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task DiscoveryFunctionAnswersLikeTheServer()
    {
        var function = new DiscoveryFunctions(services!.GetRequiredService<DiscoveryEndpoints>());
        var context = NewContext("/open311/discovery.json");

        await (await function.GetDiscovery(context.Request, "json")).ExecuteAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        var body = JsonNode.Parse(Body(context))!;
        Assert.Equal("https://311.example.org/open311/v2", body["endpoints"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServicesFunctionAnswersAnOpen311ErrorWhenNoTownIsConfigured()
    {
        var function = new ServicesFunctions(services!.GetRequiredService<ServicesEndpoints>());
        var context = NewContext("/open311/v2/services.xml");

        await (await function.GetServices(context.Request, "xml")).ExecuteAsync(context);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>404</code>", Body(context));
    }

    [Theory]
    [InlineData("DELETE", "/open311/v2/requests.json", 405, "application/json")]
    [InlineData("GET", "/open311/v3/nothing.xml", 404, "text/xml")]
    public async Task TheCatchAllFunctionAnswersInTheOpen311Format(string method, string path, int status, string type)
    {
        var function = new FallbackFunction(services!.GetRequiredService<Open311.Api.Fallback.FallbackEndpoints>());
        var context = NewContext(path);
        context.Request.Method = method;

        await (await function.Open311Fallback(context.Request)).ExecuteAsync(context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.StartsWith(type, context.Response.ContentType);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), Body(context));
    }

    [Fact]
    public async Task TheHeadersMiddlewareGivesManageAnswersNoCorsAndPublicOnesAny()
    {
        var manage = NewContext("/open311/manage/keys");
        var open = NewContext("/open311/v2/services.json");
        manage.Request.Headers.Origin = open.Request.Headers.Origin = "https://evil.example";

        Open311.Api.Http.Open311Headers.Apply(manage);
        Open311.Api.Http.Open311Headers.Apply(open);

        Assert.False(manage.Response.Headers.ContainsKey("Access-Control-Allow-Origin"));
        Assert.Equal("*", open.Response.Headers.AccessControlAllowOrigin.ToString());
        await Task.CompletedTask;
    }

    private DefaultHttpContext NewContext(string path)
    {
        var context = new DefaultHttpContext { RequestServices = services! };
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("func.example");
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static string Body(DefaultHttpContext context) => System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}

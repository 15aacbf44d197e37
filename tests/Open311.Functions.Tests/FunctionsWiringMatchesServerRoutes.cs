extern alias server;

using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api;
using Open311.Testing;

namespace Open311.Functions.Tests;

/// <summary>
/// The only proof of the Functions wiring without the Functions host: the generated functions.metadata must
/// describe exactly the routes Open311.Server maps, and nothing the host would refuse to load.
/// </summary>
public sealed class FunctionsWiringMatchesServerRoutes
{
    [Fact]
    public void HostJsonPutsEveryFunctionUnderOpen311()
    {
        Assert.Equal(Open311Routes.Prefix, FunctionsMetadata.RoutePrefix());
    }

    [Fact]
    public async Task EveryHttpFunctionEqualsAServerRouteAndTheOtherWayRound()
    {
        var prefix = FunctionsMetadata.RoutePrefix();
        var functions = FunctionsMetadata.HttpFunctions()
            .Select(f => $"{f.Name} {f.Method} {prefix}/{f.Route}")
            .Order()
            .ToList();

        await using var server = new WebApplicationFactory<server::Program>().WithWebHostBuilder(b => b.UseSetting("Storage:ConnectionString", "UseDevelopmentStorage=true"));
        var routes = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m =>
                $"{e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName} {m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order()
            .ToList();
        var table = Open311Routes.All.Select(r => $"{r.Name} {r.Method} {Open311Routes.Prefix}/{r.Template}")
            .Concat(Open311Routes.FallbackMethods.Select(m => $"Open311Fallback {m} {Open311Routes.Prefix}/{Open311Routes.Fallback}"))
            .Order()
            .ToList();

        Assert.Equal(table, functions);
        Assert.Equal(table, routes);
    }

    [Fact]
    public void NoFunctionNameOrRouteStartsWithAReservedWord()
    {
        foreach (var function in FunctionsMetadata.HttpFunctions())
        {
            foreach (var reserved in new[] { "admin", "runtime" })
            {
                Assert.False(function.Name.StartsWith(reserved, StringComparison.OrdinalIgnoreCase), $"function name {function.Name}");
                Assert.False(function.Route.StartsWith(reserved, StringComparison.OrdinalIgnoreCase), $"route {function.Route}");
            }
        }
    }

    [Theory]
    [InlineData("SyncRemoteCatalogs", "0 17 */6 * * *")]
    [InlineData("PollSources", "0 */5 * * * *")]
    [InlineData("SweepOutbox", "0 */5 * * * *")]
    [InlineData("MirrorStatuses", "0 */15 * * * *")]
    public void EveryPollerHasItsTimer(string function, string schedule)
    {
        var metadata = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray();

        var entry = metadata.Single(f => f!["name"]!.GetValue<string>() == function)!;
        var trigger = Assert.Single(entry["bindings"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "timerTrigger")!;
        Assert.Equal(schedule, trigger["schedule"]!.GetValue<string>());
    }

    [Fact]
    public void TheForwardQueueTriggerReadsTheConfiguredQueueInBase64()
    {
        var metadata = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray();

        var entry = metadata.Single(f => f!["name"]!.GetValue<string>() == "ForwardReport")!;
        var trigger = Assert.Single(entry["bindings"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "queueTrigger")!;
        Assert.Equal(("%ForwardQueueName%", "AzureWebJobsStorage"), (trigger["queueName"]!.GetValue<string>(), trigger["connection"]!.GetValue<string>()));
        var queues = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Of("host.json")))!["extensions"]!["queues"]!;
        Assert.Equal("base64", queues["messageEncoding"]!.GetValue<string>());
        Assert.True(queues["maxDequeueCount"]!.GetValue<int>() > 1);
    }

    [Fact]
    public void EveryFunctionIsAnonymousBecauseTheAppChecksItsOwnKeys()
    {
        Assert.All(FunctionsMetadata.HttpFunctions(), f => Assert.Equal("Anonymous", f.AuthLevel));
    }
}

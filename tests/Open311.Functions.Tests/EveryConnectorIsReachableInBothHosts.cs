using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api;
using Open311.Api.Http;
using Open311.Core.Intake;
using Open311.Storage;

namespace Open311.Functions.Tests;

/// <summary>
/// Connectors plug in without host code: every action of every registered connector is a POST that the one connector
/// route takes — the route both hosts map (the wiring test proves they map the same table).
/// </summary>
public sealed class EveryConnectorIsReachableInBothHosts
{
    [Fact]
    public void EveryConnectorActionIsTakenByTheConnectorRoute()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" }).Build();
        using var services = new ServiceCollection().AddLogging().AddOpen311Storage(configuration).AddOpen311Api(configuration).BuildServiceProvider();
        var connectors = services.GetRequiredService<ConnectorCatalog>().All;

        Assert.Contains(connectors, c => c.Type == "ushahidi");
        Assert.All(connectors.SelectMany(c => c.Actions.Select(a => (c.Type, Action: a))), x =>
            Assert.Contains("POST", RouteTable.MethodsAt($"/connectors/{x.Type}/some-source/{x.Action}")));
        Assert.Contains(FunctionsMetadata.HttpFunctions(), f => f.Method == "POST" && f.Route == Open311Routes.Connector);
    }

    [Fact]
    public void NoHostNamesAConnector()
    {
        var hostFiles = new[] { "Open311.Functions", "Open311.Server", "Open311.Api", "Open311.Core", "Open311.Storage" }
            .SelectMany(p => Directory.EnumerateFiles(Open311.Testing.RepoPaths.Of("src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var naming = hostFiles.Where(f => File.ReadAllText(f).Contains("ushahidi", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.Empty(naming);
    }
}

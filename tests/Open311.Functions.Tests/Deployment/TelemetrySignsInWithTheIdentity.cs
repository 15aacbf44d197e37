using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Open311.Functions.Tests.Deployment;

/// <summary>
/// Application Insights has local authentication off (infra/), so the worker's exporter must carry the identity the
/// deployment names in APPLICATIONINSIGHTS_AUTHENTICATION_STRING: read from the configuration the app builds.
/// </summary>
public sealed class TelemetrySignsInWithTheIdentity
{
    [Fact]
    public void TheExporterGetsTheManagedIdentityFromTheAuthenticationString()
    {
        var options = ExporterOptions(new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.in.applicationinsights.azure.com/",
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
        });

        Assert.IsType<ManagedIdentityCredential>(options.Credential);
    }

    [Fact]
    public void WithoutTheAuthenticationStringThereIsNoCredential()
    {
        var options = ExporterOptions(new() { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000" });

        Assert.Null(options.Credential);
    }

    [Fact]
    public void InfraWritesTheSettingTheExporterReads()
    {
        var bicep = File.ReadAllText(Open311.Testing.RepoPaths.Of("infra", "app", "functionapp.bicep"));

        Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${clientId};Authorization=AAD'", bicep);
    }

    private static AzureMonitorExporterOptions ExporterOptions(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddOpen311Telemetry(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
    }
}

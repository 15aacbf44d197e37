using System.Diagnostics;
using System.Text.Json.Nodes;
using Open311.Testing;

namespace Open311.Functions.Tests.Deployment;

/// <summary>infra/ through the Bicep CLI from NuGet (no registry modules, no network to Azure); any warning fails.</summary>
public sealed class InfraBuildsAndLintsOffline
{
    [Fact]
    public async Task BicepBuildsAndLintsWithoutAWarning()
    {
        var info = new ProcessStartInfo("bash", [RepoPaths.Of("infra", "validate.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("infra OK: build, lint, parameters", output);
        Assert.DoesNotContain("Warning", output);
    }

    [Fact]
    public void AzdDeploysTheFunctionsProject()
    {
        var yaml = File.ReadAllText(RepoPaths.Of("azure.yaml"));

        Assert.Contains("project: ./src/Open311.Functions", yaml);
        Assert.Contains("host: function", yaml);
        Assert.True(File.Exists(RepoPaths.Of("src", "Open311.Functions", "Open311.Functions.csproj")));
    }

    [Fact]
    public void HostJsonNeedsNoExtensionBundle()
    {
        var host = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("host.json")))!.AsObject();

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.False(host.ContainsKey("extensionBundle"));
    }
}

using System.Text.Json.Nodes;

namespace Open311.Functions.Tests;

/// <summary>What the Functions SDK generated at build time: the function list the host will load.</summary>
public static class FunctionsMetadata
{
    public static IReadOnlyList<HttpFunction> HttpFunctions()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Functions SDK did not generate it.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray()
            .SelectMany(f => f!["bindings"]!.AsArray()
                .Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
                .SelectMany(b => b!["methods"]!.AsArray().Select(m => new HttpFunction(
                    f["name"]!.GetValue<string>(),
                    m!.GetValue<string>().ToUpperInvariant(),
                    b["route"]!.GetValue<string>(),
                    b["authLevel"]!.GetValue<string>()))))
            .ToList();
    }

    public static string RoutePrefix() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))!["extensions"]!["http"]!["routePrefix"]!.GetValue<string>();
}

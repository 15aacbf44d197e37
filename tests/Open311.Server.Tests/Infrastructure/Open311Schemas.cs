using System.Text.Json;
using Json.Schema;
using Open311.Testing;

namespace Open311.Server.Tests.Infrastructure;

/// <summary>The published GeoReport v2 JSON Schemas (open311/schema-validation), with format checks on.</summary>
public static class Open311Schemas
{
    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    public static void AssertValid(string schemaFile, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schemas.Value[schemaFile].Evaluate(
            document.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, $"{schemaFile} rejects the response:\n{Describe(result)}\n{json}");
    }

    private static string Describe(EvaluationResults result) =>
        string.Join('\n', (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));

    private static Dictionary<string, JsonSchema> Load()
    {
        var folder = RepoPaths.Schemas();
        var baseUri = new Uri("https://open311.test/schemas/");
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>();
        foreach (var name in new[] { "request.json", "requests.json", "service.json", "services.json", "service-definition.json" })
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name)));
            schemas[name] = JsonSchema.Build(document.RootElement.Clone(), options, new Uri(baseUri, name));
        }

        return schemas;
    }
}

using System.Text.Json;
using Json.Schema;
using Open311.Testing;

namespace Open311.Server.Tests.Infrastructure;

/// <summary>
/// Validates JSON answers against the project's own GeoReport v2 schemas (Schemas/, stricter) and, where they can
/// be found, the community schemas of open311/schema-validation — with format checks on.
/// </summary>
public static class Open311Schemas
{
    private static readonly Lazy<IReadOnlyList<(string Source, Dictionary<string, JsonSchema> Schemas)>> Sets = new(LoadAll);

    /// <summary>True when the community schemas were found and are checked too.</summary>
    public static bool CommunitySchemasFound => Sets.Value.Count > 1;

    public static void AssertValid(string schemaFile, string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var (source, schemas) in Sets.Value.Where(s => s.Schemas.ContainsKey(schemaFile)))
        {
            var result = schemas[schemaFile].Evaluate(
                document.RootElement,
                new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            Assert.True(result.IsValid, $"{source} {schemaFile} rejects the response:\n{Describe(result)}\n{json}");
        }
    }

    private static string Describe(EvaluationResults result) =>
        string.Join('\n', (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));

    private static IReadOnlyList<(string, Dictionary<string, JsonSchema>)> LoadAll()
    {
        var sets = new List<(string, Dictionary<string, JsonSchema>)>
        {
            ("project", Load(Path.Combine(AppContext.BaseDirectory, "Schemas"), "https://open311-functions.test/schemas/")),
        };
        if (RepoPaths.TrySchemas() is { } community)
        {
            sets.Add(("open311/schema-validation", Load(community, "https://open311.test/schemas/")));
        }

        return sets;
    }

    private static Dictionary<string, JsonSchema> Load(string folder, string baseUri)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>();
        // The community set has no schema for the update feed (an extension); the project's has.
        foreach (var name in new[] { "request.json", "service.json", "requests.json", "services.json", "service-definition.json", "request-updates.json" }.Where(n => File.Exists(Path.Combine(folder, n))))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name)));
            schemas[name] = JsonSchema.Build(document.RootElement.Clone(), options, new Uri(new Uri(baseUri), name));
        }

        return schemas;
    }
}

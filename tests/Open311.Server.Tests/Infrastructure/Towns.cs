using System.Text.Json.Nodes;
using Open311.Testing;

namespace Open311.Server.Tests.Infrastructure;

/// <summary>Jurisdiction documents for tests: the shipped demo town and small variations of it.</summary>
public static class Towns
{
    public const string Riverton = "riverton.example";

    /// <summary>A point inside Riverton's boundary.</summary>
    public const double Lat = 44.2;
    public const double Long = -72.57;

    public static string RivertonJson() => File.ReadAllText(RepoPaths.Of("samples", "riverton.json"));

    public static JsonObject RivertonDocument() => JsonNode.Parse(RivertonJson())!.AsObject();

    /// <summary>A one-service town without a boundary.</summary>
    public static string Minimal(string name, string serviceCode = "litter") =>
        new JsonObject
        {
            ["name"] = name,
            ["services"] = new JsonArray(new JsonObject { ["service_code"] = serviceCode, ["service_name"] = "Litter" }),
        }.ToJsonString();
}

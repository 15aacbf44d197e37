using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Open311.Core.Jurisdictions.Documents;

namespace Open311.Core.Jurisdictions.Remote;

/// <summary>
/// Reads another server's GET services answer the way real servers write it: XML with stray namespaces, empty
/// elements and padded text; JSON with numbers or "true" strings where the spec wants strings and booleans.
/// Services without a usable code are skipped.
/// </summary>
public static class RemoteServicesParser
{
    public const int MaxServices = 500;

    public static List<ServiceDocument> Parse(string body, string format) =>
        (format == "xml" || body.TrimStart().StartsWith('<') ? FromXml(body) : FromJson(body))
            .Where(s => !string.IsNullOrWhiteSpace(s.ServiceCode))
            .DistinctBy(s => s.ServiceCode)
            .Take(MaxServices)
            .ToList();

    private static IEnumerable<ServiceDocument> FromXml(string body)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 20_000_000 };
        using var reader = XmlReader.Create(new StringReader(body), settings);
        var root = XDocument.Load(reader).Root ?? throw new FormatException("empty XML document");
        foreach (var service in root.Descendants().Where(e => e.Name.LocalName == "service"))
        {
            string? Text(string name) => service.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value is { } v && v.Trim().Length > 0 ? v.Trim() : null;
            yield return Make(Text("service_code"), Text("service_name"), Text("description"), Text("type"), Text("keywords"), Text("group"));
        }
    }

    private static IEnumerable<ServiceDocument> FromJson(string body)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        var list = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement
            : document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("services", out var wrapped) ? wrapped : default;
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("the JSON answer is not a list of services");
        }

        var services = new List<ServiceDocument>();
        foreach (var service in list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
        {
            string? Text(string name) => service.TryGetProperty(name, out var v) ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString() is { } s && s.Trim().Length > 0 ? s.Trim() : null,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                _ => null,
            } : null;
            services.Add(Make(Text("service_code"), Text("service_name"), Text("description"), Text("type"), Text("keywords"), Text("group")));
        }

        return services;
    }

    private static ServiceDocument Make(string? code, string? name, string? description, string? type, string? keywords, string? group) => new()
    {
        ServiceCode = code,
        ServiceName = name ?? code,
        Description = description,
        Type = type?.ToLowerInvariant() is "realtime" or "batch" or "blackbox" ? type.ToLowerInvariant() : null,
        Keywords = keywords is null ? null : JsonSerializer.SerializeToElement(keywords),
        Group = group,
    };
}

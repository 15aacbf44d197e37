using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Services;

namespace Open311.Core.Tests.Jurisdictions;

public sealed class JurisdictionDocuments
{
    [Fact]
    public void DefaultsFillTheGapsAndTheExternalIdAttributeIsAddedLast()
    {
        var document = DocumentJson.Read<JurisdictionDocument>(
            """
            {"name":"Lakeside","services":[{"service_code":"litter","service_name":"Litter","keywords":"bins, litter ,",
              "attributes":[{"code":"where","datatype":"text","description":"Where?"},{"code":"kind","datatype":"singlevaluelist","description":"Kind","order":7,
              "values":[{"key":"a","name":"A"}]}]}]}
            """,
            out var jsonError);
        var errors = new List<string>();

        var jurisdiction = JurisdictionDocumentReader.Read(document, "lakeside.example", errors);

        Assert.Null(jsonError);
        Assert.Empty(errors);
        Assert.Equal("city", jurisdiction.Tier);
        Assert.Equal(TimeZoneInfo.Utc, jurisdiction.TimeZone);
        var service = Assert.Single(jurisdiction.Services);
        Assert.Equal(ServiceType.Realtime, service.Type);
        Assert.Equal(["bins", "litter"], service.Keywords);
        Assert.Equal(["where", "kind", ExternalIdAttribute.Code], service.Attributes.Select(a => a.Code));
        Assert.Equal([1, 7, 8], service.Attributes.Select(a => a.Order));
        Assert.True(service.Attributes[0].Variable);
    }

    [Fact]
    public void ProblemsAreAllReportedWithTheirPaths()
    {
        var document = DocumentJson.Read<JurisdictionDocument>(
            """
            {"id":"other","services":[{"service_code":"a/b","service_name":"X","type":"sometimes",
              "attributes":[{"code":"q","datatype":"string","description":"Q","order":1},{"code":"q","datatype":"number","description":"Q2","order":1,"values":[{"key":"1","name":"one"}]}]}]}
            """,
            out _);
        var errors = new List<string>();

        JurisdictionDocumentReader.Read(document, "lakeside.example", errors);

        Assert.Contains(errors, e => e.StartsWith("id 'other'"));
        Assert.Contains(errors, e => e == "name is required.");
        Assert.Contains(errors, e => e.StartsWith("services[0].service_code is required"));
        Assert.Contains(errors, e => e.StartsWith("services[0].type"));
        Assert.Contains(errors, e => e.StartsWith("services[0].attributes[1].code 'q' is used twice"));
        Assert.Contains(errors, e => e.StartsWith("services[0].attributes[1].order 1"));
        Assert.Contains(errors, e => e.StartsWith("services[0].attributes[1].values are only allowed"));
    }

    [Fact]
    public void JsonMistakesBecomeOneSentence()
    {
        DocumentJson.Read<JurisdictionDocument>("""{"name": 5}""", out var error);

        Assert.NotNull(error);
        Assert.Contains("$.name", error);
    }

    [Fact]
    public void ADuplicateMemberAnywhereIsExplainedNotThrown()
    {
        var document = DocumentJson.Read<JurisdictionDocument>("""{"name":"X","boundary":{"type":"Polygon","lon":1,"lon":2,"coordinates":[]}}""", out var error);

        Assert.NotNull(error);
        Assert.Contains("lon", error);
        Assert.Null(document.Name);
    }
}

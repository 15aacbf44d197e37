using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;
using Open311.Core.Staff;

namespace Open311.Core.Tests.Staff;

public sealed class StaffEditsKeepTheLinesBetweenTowns
{
    private const string West = """{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}""";
    private const string East = """{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]}""";

    private static readonly JurisdictionSnapshot Snapshot = new(
        new Dictionary<string, Jurisdiction>(StringComparer.OrdinalIgnoreCase)
        {
            ["west.example"] = Town("west.example", West, "city"),
            ["east.example"] = Town("east.example", East, "city"),
            ["county.example"] = Town("county.example", """{"type":"Polygon","coordinates":[[[-1,-1],[3,-1],[3,2],[-1,2],[-1,-1]]]}""", "county"),
        },
        null);

    [Fact]
    public void ABoundaryOverANeighbourOfTheSameTierNeedsTheAdmin()
    {
        var grown = Document("""{"type":"Polygon","coordinates":[[[0,0],[1.5,0],[1.5,1],[0,1],[0,0]]]}""");
        var refused = Assert.Throws<Open311Exception>(() => StaffDocumentEdits.Check(grown, Document(West), "west.example", Snapshot));
        Assert.Equal(403, refused.Status);
        Assert.Contains("overlaps east.example", refused.Errors[0].Description);

        // Sharing an edge, lying inside the county (another tier), or moving away from the neighbour is the town's own business.
        StaffDocumentEdits.Check(Document("""{"type":"Polygon","coordinates":[[[0,0],[1.005,0],[1.005,1],[0,1],[0,0]]]}"""), Document(West), "west.example", Snapshot);
        StaffDocumentEdits.Check(Document("""{"type":"Polygon","coordinates":[[[0,0],[0.5,0],[0.5,1],[0,1],[0,0]]]}"""), Document(West), "west.example", Snapshot);
    }

    [Fact]
    public void TierAndRemoteStayAsStoredAndNewTownsNeedTheAdmin()
    {
        var stored = Document(West);
        var edited = Document(West);
        edited.Tier = "state";
        edited.Remote = new RemoteDocument { Endpoint = "https://elsewhere.example/open311/v2" };

        StaffDocumentEdits.Check(edited, stored, "west.example", Snapshot);

        Assert.Equal((stored.Tier, null), (edited.Tier, edited.Remote));
        Assert.Equal(403, Assert.Throws<Open311Exception>(() => StaffDocumentEdits.Check(Document(West), null, "north.example", Snapshot)).Status);
    }

    private static JurisdictionDocument Document(string boundary) =>
        DocumentJson.Read<JurisdictionDocument>($$"""{"name":"Town","tier":"city","boundary":{{boundary}},"services":[{"service_code":"litter","service_name":"Litter"}]}""", out _);

    private static Jurisdiction Town(string id, string boundary, string tier)
    {
        var document = DocumentJson.Read<JurisdictionDocument>($$"""{"name":"{{id}}","tier":"{{tier}}","boundary":{{boundary}},"services":[{"service_code":"litter","service_name":"Litter"}]}""", out _);
        var errors = new List<string>();
        var town = JurisdictionDocumentReader.Read(document, id, errors);
        Assert.Empty(errors);
        return town;
    }
}

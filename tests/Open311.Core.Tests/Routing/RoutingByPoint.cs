using System.Text.Json;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Routing;
using Open311.Core.Services;

namespace Open311.Core.Tests.Routing;

/// <summary>A small world: a state with two counties sharing a border, a town with a hole and an island, and an area across the antimeridian.</summary>
public sealed class RoutingByPoint
{
    private static readonly Service Pothole = new("pothole", "Pothole", null, ServiceType.Realtime, ["road", "hole"], "Streets", []);
    private static readonly Service Graffiti = new("graffiti", "Graffiti removal", null, ServiceType.Realtime, ["tag"], "Clean Town", []);
    private static readonly Service Highway = new("highway", "State highway damage", null, ServiceType.Realtime, ["road"], "Roads", []);

    private static readonly RoutingIndex Index = RoutingIndex.Build(
    [
        Make("state", "state", """{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}""", Highway),
        Make("west-county", "county", """{"type":"Polygon","coordinates":[[[0,0],[5,0],[5,10],[0,10],[0,0]]]}"""),
        Make("east-county", "county", """{"type":"Polygon","coordinates":[[[5,0],[10,0],[10,10],[5,10],[5,0]]]}""", Graffiti),
        Make("town", "city", """{"type":"MultiPolygon","coordinates":[[[[1,1],[4,1],[4,4],[1,4],[1,1]],[[2,2],[3,2],[3,3],[2,3],[2,2]]],[[[7,7],[8,7],[8,8],[7,8],[7,7]]]]}""", Pothole),
        Make("islands", "district", """{"type":"Polygon","coordinates":[[[178,-20],[-178,-20],[-178,-15],[178,-15],[178,-20]]]}"""),
    ]);

    [Fact]
    public void EveryTierCoveringAPointComesMostLocalFirst()
    {
        Assert.Equal(["town", "west-county", "state"], Ids(1.5, 1.5));
    }

    [Fact]
    public void APointInAHoleIsNotInTheTown()
    {
        Assert.Equal(["west-county", "state"], Ids(2.5, 2.5));
    }

    [Fact]
    public void AnIslandOfAMultiPolygonBelongsToTheTown()
    {
        Assert.Equal(["town", "east-county", "state"], Ids(7.5, 7.5));
    }

    [Fact]
    public void APointOnASharedBorderIsInBothCounties()
    {
        Assert.Equal(["east-county", "west-county", "state"], Ids(lat: 5, lon: 5));
    }

    [Theory]
    [InlineData(-17.5, 179.5)]
    [InlineData(-17.5, -179.5)]
    [InlineData(-17.5, 180)]
    public void AnAreaAcrossTheAntimeridianCoversBothSides(double lat, double lon)
    {
        Assert.Equal(["islands"], Ids(lat, lon));
    }

    [Theory]
    [InlineData(-17.5, 0)]
    [InlineData(-17.5, 170)]
    [InlineData(-17.5, -170)]
    public void TheAntimeridianAreaDoesNotWrapTheWholeGlobe(double lat, double lon)
    {
        Assert.Empty(Ids(lat, lon));
    }

    [Fact]
    public void TheMostLocalJurisdictionOfferingTheServiceIsChosen()
    {
        var local = Router.Decide(Index, 1.5, 1.5, "pothole");
        var upward = Router.Decide(Index, 6, 6, "road");
        var county = Router.Decide(Index, 6, 6, "#graffiti");

        Assert.Equal(("town", "pothole"), (local.Jurisdiction!.Id, local.Service!.Code));
        Assert.Equal(("state", "highway"), (upward.Jurisdiction!.Id, upward.Service!.Code));
        Assert.Equal(("east-county", "graffiti"), (county.Jurisdiction!.Id, county.Service!.Code));
        Assert.Contains("most local", local.Reason);
    }

    [Fact]
    public void NoneIsAnAnswerWithItsReason()
    {
        var nobody = Router.Decide(Index, 50, 50, "pothole");
        var noService = Router.Decide(Index, 2.5, 2.5, "noise");

        Assert.False(nobody.Routed);
        Assert.Contains("No jurisdiction covers", nobody.Reason);
        Assert.False(noService.Routed);
        Assert.Contains("none offers a service for 'noise'", noService.Reason);
        Assert.Contains("west-county (county)", noService.Reason);
    }

    private static List<string> Ids(double lat, double lon) => Index.Lookup(lat, lon).Select(j => j.Id).ToList();

    private static Jurisdiction Make(string id, string tier, string boundary, params Service[] services)
    {
        var errors = new List<string>();
        var geometry = BoundaryReader.Read(JsonDocument.Parse(boundary).RootElement, errors);
        Assert.Empty(errors);
        return new Jurisdiction(id, id, tier, TimeZoneInfo.Utc, null, null, new Boundary(geometry!), services, DateTimeOffset.UnixEpoch);
    }
}

using System.Text.Json;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;

namespace Open311.Core.Tests.Jurisdictions;

public sealed class BoundaryContainment
{
    [Fact]
    public void PointsInsideAndOnTheEdgeAreCoveredHolesAreNot()
    {
        var boundary = Read("""{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]}""");

        Assert.True(boundary.Covers(lat: 2, lon: 2));
        Assert.True(boundary.Covers(lat: 0, lon: 5));
        Assert.False(boundary.Covers(lat: 5, lon: 5));
        Assert.False(boundary.Covers(lat: 11, lon: 5));
    }

    [Fact]
    public void IslandsOfAMultiPolygonAreCovered()
    {
        var boundary = Read("""{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,6],[5,5]]]]}""");

        Assert.True(boundary.Covers(lat: 5.5, lon: 5.5));
        Assert.False(boundary.Covers(lat: 3, lon: 3));
    }

    [Fact]
    public void AFeatureWrappingAPolygonIsAccepted()
    {
        var boundary = Read("""{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}""");

        Assert.True(boundary.Covers(lat: 0.5, lon: 0.5));
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[1,2]}""", "Polygon or MultiPolygon")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[200,0],[1,1],[0,0]]]}""", "within [-180, 180]")]
    [InlineData("""{"type":"Polygon","coordinates":"nope"}""", "GeoJSON")]
    [InlineData("""[1,2,3]""", "Polygon or MultiPolygon")]
    public void NonAreasAndBadCoordinatesAreRefusedWithAReason(string json, string reason)
    {
        var errors = new List<string>();

        var geometry = BoundaryReader.Read(JsonDocument.Parse(json).RootElement, errors);

        Assert.Null(geometry);
        Assert.Contains(reason, Assert.Single(errors));
    }

    private static Boundary Read(string json)
    {
        var errors = new List<string>();
        var geometry = BoundaryReader.Read(JsonDocument.Parse(json).RootElement, errors);
        Assert.Empty(errors);
        return new Boundary(geometry!);
    }
}

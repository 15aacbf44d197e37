using System.Text;
using Open311.Connectors.Social;

namespace Open311.Connectors.Tests.Social;

/// <summary>
/// Points no report can have are refused with the reason and no coordinates, the post itself still read. Payloads in the
/// shapes of an X v2 post's <c>geo.coordinates</c> and a v1.1 status's <c>coordinates</c> and <c>geo</c>; the swapped
/// point is the one in DocNow/twarc-csv's test data, [42.778, 88.018], which as [lon, lat] lies in the Arctic Ocean.
/// </summary>
public sealed class ImpossiblePointsRefused
{
    private const string Arctic = "the point 88.018, 42.778 is in the Arctic — most likely its coordinates are swapped; not used";

    private static SocialPost ReadOne(string json) =>
        Assert.Single(SocialPayloads.Read(Encoding.UTF8.GetBytes(json), new SocialSettings()).Posts);

    [Theory]
    [InlineData("[42.778, 88.018]", Arctic)]
    [InlineData("[-72.57, -88.5]", "the point -88.5, -72.57 is in the Antarctic — most likely its coordinates are swapped; not used")]
    [InlineData("[0, 0]", "the point 0, 0 is a placeholder, not a place; not used")]
    [InlineData("[-272.57, 44.2]", "the point 44.2, -272.57 is outside the range of latitude and longitude; not used")]
    [InlineData("[-72.57, 1e400]", "the point's coordinates are not finite numbers; not used")]
    [InlineData("[\"NaN\", 44.2]", "the point's coordinates are not finite numbers; not used")]
    [InlineData("[-72.57]", "the point is not a pair of coordinates; not used")]
    public void AnImpossibleV2PointIsRefusedWithItsReason(string coordinates, string problem)
    {
        var post = ReadOne("""{"data":[{"id":"1897400000000000001","text":"Pothole by the school","geo":{"coordinates":{"type":"Point","coordinates":""" + coordinates + "}}}]}");

        Assert.Equal("1897400000000000001", post.Id);
        Assert.Equal(problem, post.Problem);
        Assert.Null(post.Lat);
        Assert.Null(post.Long);
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[42.778,88.018]}""", "null")]
    [InlineData("null", """{"type":"Point","coordinates":[88.018,42.778]}""")]
    public void TheSwappedPointIsRefusedInV11CoordinatesAndInTheReversedGeo(string coordinates, string geo)
    {
        var post = ReadOne("""{"id_str":"1897400000000000002","text":"Pothole by the school","user":{"screen_name":"someone"},"coordinates":""" + coordinates + ",\"geo\":" + geo + "}");

        Assert.Equal(Arctic, post.Problem);
        Assert.Null(post.Lat);
    }

    [Fact]
    public void APlausiblePointFarNorthIsKept()
    {
        var post = ReadOne("""{"data":[{"id":"1897400000000000003","text":"Ice on the dock","geo":{"coordinates":{"type":"Point","coordinates":[15.63,78.22]}}}]}""");

        Assert.Equal((78.22, 15.63), (post.Lat!.Value, post.Long!.Value));
        Assert.Null(post.Problem);
    }
}

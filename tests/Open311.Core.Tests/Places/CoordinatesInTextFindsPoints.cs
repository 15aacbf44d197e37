using Open311.Core.Places;

namespace Open311.Core.Tests.Places;

/// <summary>Points residents paste or type into reports: map links, geo: URIs, decimal pairs and DMS.</summary>
public sealed class CoordinatesInTextFindsPoints
{
    [Fact]
    public void AnOpenStreetMapLinkGivesItsMapCentre()
    {
        var point = Assert.Single(CoordinatesInText.Find("Broken bench, see https://www.openstreetmap.org/#map=19/44.20012/-72.57031"));

        Assert.Equal(44.20012, point.Lat);
        Assert.Equal(-72.57031, point.Long);
        Assert.Equal(10.0, point.AccuracyMeters);
        Assert.Equal("an OpenStreetMap link", point.Evidence);
        Assert.False(point.Ambiguous);
    }

    [Fact]
    public void AnOpenStreetMapMarkerBeatsWhereTheMapWasLooking()
    {
        var point = Assert.Single(CoordinatesInText.Find("https://www.openstreetmap.org/?mlat=44.20012&mlon=-72.57031#map=17/44.2/-72.5"));

        Assert.Equal(44.20012, point.Lat);
        Assert.Equal(-72.57031, point.Long);
    }

    [Theory]
    [InlineData("Pothole here https://www.google.com/maps/@44.20012,-72.57031,17z", 44.20012, -72.57031, 10.0)]
    [InlineData("https://www.google.com/maps/place/City+Hall/@44.2601,-72.5754,17z", 44.2601, -72.5754, 11.0)]
    [InlineData("https://www.google.com/maps/place/City+Hall/@44.26,-72.58,15z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d44.2601!4d-72.5754", 44.2601, -72.5754, 11.0)]
    [InlineData("https://www.google.com/maps?q=44.20012,-72.57031", 44.20012, -72.57031, 10.0)]
    [InlineData("https://www.google.com/maps?ll=44.20012,-72.57031&z=18", 44.20012, -72.57031, 10.0)]
    [InlineData("https://www.google.com/maps/search/?api=1&query=44.20012,-72.57031", 44.20012, -72.57031, 10.0)]
    [InlineData("location: maps.google.com/?q=44.2%2C-72.57", 44.2, -72.57, 11_000.0)]
    public void GoogleMapsLinksGiveTheirPoint(string text, double lat, double lon, double accuracy)
    {
        var point = Assert.Single(CoordinatesInText.Find(text));

        Assert.Equal(lat, point.Lat);
        Assert.Equal(lon, point.Long);
        Assert.Equal(accuracy, point.AccuracyMeters);
        Assert.Equal("a Google Maps link", point.Evidence);
    }

    [Theory]
    [InlineData("https://maps.apple.com/?ll=44.20012,-72.57031")]
    [InlineData("https://maps.apple.com/?q=44.20012,-72.57031")]
    [InlineData("Shared from my phone: https://maps.apple.com/?q=City%20Hall&ll=44.20012,-72.57031")]
    public void AppleMapsLinksGiveTheirPointAndPreferLlToAPlaceName(string text)
    {
        var point = Assert.Single(CoordinatesInText.Find(text));

        Assert.Equal(44.20012, point.Lat);
        Assert.Equal(-72.57031, point.Long);
        Assert.Equal("an Apple Maps link", point.Evidence);
    }

    [Theory]
    [InlineData("geo:44.20012,-72.57031", 44.20012, -72.57031, 10.0)]
    [InlineData("My location: geo:44.2,-72.57;u=35", 44.2, -72.57, 35.0)]
    [InlineData("geo:44.20012,-72.57031,120", 44.20012, -72.57031, 10.0)]
    [InlineData("geo:0,0?q=44.20012,-72.57031(Town+Hall)", 44.20012, -72.57031, 10.0)]
    public void GeoUrisGiveTheirPointAndUncertainty(string text, double lat, double lon, double accuracy)
    {
        var point = Assert.Single(CoordinatesInText.Find(text));

        Assert.Equal(lat, point.Lat);
        Assert.Equal(lon, point.Long);
        Assert.Equal(accuracy, point.AccuracyMeters);
        Assert.Equal("a geo: URI", point.Evidence);
    }

    [Theory]
    [InlineData("see https://maps.app.goo.gl/abc123")]
    [InlineData("Pin: https://goo.gl/maps/Xyz12AbC")]
    [InlineData("https://bit.ly/3xYzAbC")]
    [InlineData("Look at this https://t.co/AbC123dEf")]
    public void ShortLinksAreNotFollowed(string text)
    {
        Assert.Empty(CoordinatesInText.Find(text));
    }

    [Theory]
    [InlineData("3.5 tons and 2.25 m")]
    [InlineData("The hole is 1.25 m wide and 0.3 m deep")]
    [InlineData("Readings 1.234, 5.678, 9.101")]
    [InlineData("Call 802.555.1234 about it")]
    [InlineData("Photo: https://example.org/reports/44.20012,-72.57031.jpg")]
    public void MeasurementsAndNumbersInOtherLinksAreNotPoints(string text)
    {
        Assert.Empty(CoordinatesInText.Find(text));
    }

    [Fact]
    public void AWaterLeakAtADecimalPairGivesBothReadingsWrittenOrderFirst()
    {
        var points = CoordinatesInText.Find("Water leak at 44.20012, -72.57031");

        Assert.Equal(2, points.Count);
        Assert.Equal((44.20012, -72.57031), (points[0].Lat, points[0].Long));
        Assert.Equal((-72.57031, 44.20012), (points[1].Lat, points[1].Long));
        Assert.All(points, point => Assert.True(point.Ambiguous));
        Assert.All(points, point => Assert.Equal(10.0, point.AccuracyMeters));
        Assert.Equal("coordinates 44.20012, -72.57031 read as latitude, longitude", points[0].Evidence);
    }

    [Fact]
    public void ASwappedPairStillOffersTheRightReading()
    {
        var points = CoordinatesInText.Find("Streetlight out, -72.57031 44.20012");

        Assert.Equal(2, points.Count);
        Assert.Contains(points, point => point.Lat == 44.20012 && point.Long == -72.57031 && point.Ambiguous);
    }

    [Fact]
    public void APairThatReadsOnlyOneWayIsNotAmbiguous()
    {
        var written = Assert.Single(CoordinatesInText.Find("Pothole near 37.77493, -122.41942 by the bus stop"));
        var geoJsonOrder = Assert.Single(CoordinatesInText.Find("[-122.41942, 37.77493]"));

        Assert.Equal((37.77493, -122.41942, false), (written.Lat, written.Long, written.Ambiguous));
        Assert.Equal((37.77493, -122.41942, false), (geoJsonOrder.Lat, geoJsonOrder.Long, geoJsonOrder.Ambiguous));
    }

    [Fact]
    public void ThreeDecimalsGiveAHundredAndTenMetres()
    {
        var points = CoordinatesInText.Find("Dumped sofa at 44.200, -72.570");

        Assert.Equal(2, points.Count);
        Assert.All(points, point => Assert.Equal(110.0, point.AccuracyMeters));
    }

    [Theory]
    [InlineData("Sign down at 44.2001N 72.5703W")]
    [InlineData("N 44.2001 W 72.5703")]
    [InlineData("44.2001\u00B0 N, 72.5703\u00B0 W")]
    [InlineData("72.5703W 44.2001N")]
    public void HemisphereLettersSetTheSignsAndTheOrder(string text)
    {
        var point = Assert.Single(CoordinatesInText.Find(text));

        Assert.Equal(44.2001, point.Lat);
        Assert.Equal(-72.5703, point.Long);
        Assert.Equal(11.0, point.AccuracyMeters);
        Assert.False(point.Ambiguous);
    }

    [Fact]
    public void SouthAndEastAreKeptApart()
    {
        var point = Assert.Single(CoordinatesInText.Find("Bin missing at 33.8688S 151.2093E"));

        Assert.Equal((-33.8688, 151.2093), (point.Lat, point.Long));
    }

    [Theory]
    [InlineData("Tree down at 44\u00B012'3.6\"N 72\u00B034'12\"W")]
    [InlineData("44\u00BA12\u20193.6\u201D N, 72\u00BA34\u201912\u201D W")]
    [InlineData("44\u00B012\u20323.6\u2033N 72\u00B034\u203212\u2033W")]
    [InlineData("44\u00B0 12' 3.6'' N 72\u00B0 34' 12'' W")]
    [InlineData("N 44\u00B012'3.6\" W 72\u00B034'12\"")]
    public void DegreesMinutesSecondsInTheMarksPeopleType(string text)
    {
        var point = Assert.Single(CoordinatesInText.Find(text));

        Assert.Equal(44.201, point.Lat, 6);
        Assert.Equal(-72.57, point.Long, 6);
        Assert.Equal(30.0, point.AccuracyMeters);
        Assert.StartsWith("degrees-minutes-seconds ", point.Evidence);
    }

    [Fact]
    public void TheEvidenceQuotesTheCoordinatesAsWritten()
    {
        var point = Assert.Single(CoordinatesInText.Find("Tree down at 44\u00B012'3.6\"N 72\u00B034'12\"W, blocking the road"));

        Assert.Equal("degrees-minutes-seconds 44\u00B012'3.6\"N 72\u00B034'12\"W", point.Evidence);
    }

    [Fact]
    public void DegreesAndDecimalMinutesAreTwoHundredMetres()
    {
        var point = Assert.Single(CoordinatesInText.Find("Boat ramp damaged 44\u00B012.06'N 72\u00B034.2'W"));

        Assert.Equal(44.201, point.Lat, 6);
        Assert.Equal(-72.57, point.Long, 6);
        Assert.Equal(200.0, point.AccuracyMeters);
    }

    [Theory]
    [InlineData("95.12345, 200.12345")]
    [InlineData("0.0000, 0.0000")]
    [InlineData("geo:0,0")]
    [InlineData("44.2001N 72.5703N")]
    [InlineData("44\u00B075'N 72\u00B034'W")]
    public void ImpossiblePointsAndNullIslandAreRejected(string text)
    {
        Assert.Empty(CoordinatesInText.Find(text));
    }

    [Fact]
    public void PointsComeInTextOrder()
    {
        var points = CoordinatesInText.Find("First 44.2001N 72.5703W, then https://www.openstreetmap.org/#map=19/44.30012/-72.47031");

        Assert.Equal(2, points.Count);
        Assert.Equal("coordinates 44.2001N 72.5703W", points[0].Evidence);
        Assert.Equal("an OpenStreetMap link", points[1].Evidence);
    }

    [Fact]
    public void What3WordsAddressesAreListedOnceButNotResolved()
    {
        const string text = "Meet at ///index.home.raft or https://w3w.co/filled.count.soap, also what3words.com/daring.lion.race and ///INDEX.HOME.RAFT";

        Assert.Equal(["///index.home.raft", "///filled.count.soap", "///daring.lion.race"], CoordinatesInText.What3Words(text));
        Assert.Empty(CoordinatesInText.Find("Meet at ///index.home.raft"));
    }

    [Fact]
    public void AFileUriIsNotAWhat3WordsAddress()
    {
        Assert.Empty(CoordinatesInText.What3Words("Attached file:///home.user.notes"));
    }
}

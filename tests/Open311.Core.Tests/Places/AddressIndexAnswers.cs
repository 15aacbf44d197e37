using Open311.Core.Places;
using Open311.Testing;

namespace Open311.Core.Tests.Places;

/// <summary>The gazetteer's answers on a made-up grid town whose true points are known.</summary>
public sealed class AddressIndexAnswers
{
    private static readonly SyntheticTown Town = new(44.19, -72.59, streets: 6, avenues: 6);
    private static readonly AddressIndex Index = IndexOf(Town);

    [Theory]
    [InlineData("pothole outside 12 Main St", "12", "Main St")]
    [InlineData("Pothole outside 12 MAIN STREET!!", "12", "Main St")]
    [InlineData("the lamp at 31 elm st. is out", "31", "Elm St")]
    [InlineData("Leak in front of 20 3rd Avenue", "20", "3rd Ave")]
    [InlineData("Dumped mattress at 15 Third Ave", "15", "3rd Ave")]
    public void AKnownHouseIsItsOwnPoint(string text, string number, string street)
    {
        var place = Index.Find(AddressPhrase.Find(text)[0], streetLevel: false, out var why);

        Assert.True(place is not null, why);
        var truth = Town.House(number, street)!.Value;
        Assert.InRange(GeoDistance.Meters(place.Lat, place.Long, truth.Lat, truth.Long), 0, 1);
        Assert.Equal(15, place.AccuracyMeters);
        Assert.Contains("in Testville's address points", place.Evidence);
    }

    [Fact]
    public void AMissingNumberStandsBetweenItsNeighboursWithALargerAccuracy()
    {
        var gappy = IndexOf(Town, skip: ("14", "Main St"));

        var place = gappy.Find(AddressPhrase.Find("hole at 14 Main St")[0], false, out _)!;

        var truth = Town.House("14", "Main St")!.Value;
        Assert.Contains("between 12 and 16 Main St", place.Evidence);
        Assert.InRange(GeoDistance.Meters(place.Lat, place.Long, truth.Lat, truth.Long), 0, place.AccuracyMeters);
        Assert.True(place.AccuracyMeters >= 30);
    }

    [Fact]
    public void ANumberFarBeyondTheStreetIsNotPlaced()
    {
        Assert.Null(Index.Find(AddressPhrase.Find("hole at 9000 Main St")[0], false, out var why));
        Assert.Contains("no number near 9000 on Main St", why);
    }

    [Theory]
    [InlineData("the light on Elm and 3rd is out")]
    [InlineData("corner of Elm St & 3rd Ave")]
    [InlineData("Elm St / Third Avenue flooding")]
    public void ACornerIsWhereTheTwoStreetsMeet(string text)
    {
        var mention = AddressPhrase.Find(text).Single(m => m.Kind == AddressMentionKind.Intersection);

        var place = Index.Find(mention, false, out var why);

        Assert.True(place is not null, why);
        var corner = Town.Corner(1, 2);
        Assert.InRange(GeoDistance.Meters(place.Lat, place.Long, corner.Lat, corner.Long), 0, 25);
    }

    [Fact]
    public void StreetsThatNeverMeetAreNotACorner()
    {
        var mention = AddressPhrase.Find("corner of Main St and Elm St").Single();

        Assert.Null(Index.Find(mention, false, out var why));
        Assert.Contains("do not meet", why);
    }

    [Fact]
    public void AStreetAloneIsPlacedOnlyWhenTheSourceAllowsIt()
    {
        var mention = AddressPhrase.Find("the lights on Oak Street are out").Single();

        Assert.Null(Index.Find(mention, streetLevel: false, out var why));
        Assert.Contains("names only a street", why);
        var middle = Index.Find(mention, streetLevel: true, out _)!;
        Assert.True(middle.AccuracyMeters > 300);
    }

    [Fact]
    public void AStreetTheTownLacksIsSaidSo()
    {
        Assert.Null(Index.Find(AddressPhrase.Find("flooding at 12 Harbor Blvd")[0], false, out var why));
        Assert.Equal("Testville's address points have no street 'Harbor Blvd'", why);
    }

    [Fact]
    public void ANameThatFitsTwoStreetsIsAQuestion()
    {
        var streets = new[]
        {
            new Street(StreetName.Normalize("Main St"), "MAIN ST", [new StreetAddress("12", null, 44.19, -72.59, null)]),
            new Street(StreetName.Normalize("Main Ave"), "MAIN AVE", [new StreetAddress("12", null, 44.20, -72.58, null)]),
        };
        var index = new AddressIndex("t", "Twotown", streets);

        Assert.Null(index.Find(new AddressMention(AddressMentionKind.House, "12", "Main", null, null, "12 Main"), false, out var why));
        Assert.Contains("could be MAIN ST or MAIN AVE", why);
        Assert.NotNull(index.Find(new AddressMention(AddressMentionKind.House, "12", "Main Ave", null, null, "12 Main Ave"), false, out _));
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("12B", 12)]
    [InlineData("1204-1206", 1204)]
    [InlineData("B12", null)]
    [InlineData("", null)]
    public void AHouseNumberIsItsLeadingDigits(string number, int? value) => Assert.Equal(value, StreetAddress.LeadingNumber(number));

    private static AddressIndex IndexOf(SyntheticTown town, (string Number, string Street)? skip = null) =>
        new("testville", "Testville", town.Addresses
            .Where(a => (a.Number, a.Street) != skip)
            .GroupBy(a => StreetName.Normalize(a.Street))
            .Select(g => new Street(g.Key, g.First().Street, g.Select(a => new StreetAddress(a.Number, null, a.Lat, a.Long, null)).OrderBy(a => a.NumberValue).ToList())));
}

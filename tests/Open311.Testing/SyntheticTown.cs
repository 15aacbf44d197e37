using System.Globalization;
using System.Text;

namespace Open311.Testing;

/// <summary>
/// A made-up town laid out on a grid, for address tests and the place-finding benchmark: east–west streets ("Main St",
/// "Elm St" …) crossed by numbered avenues ("1st Ave" …), houses every <c>spacing</c> metres along both, even numbers on
/// the north (or east) side and odd on the south (or west), like real towns. It knows where every house and every
/// corner truly is, and writes itself as an OpenAddresses CSV.
/// </summary>
public sealed class SyntheticTown
{
    public static readonly IReadOnlyList<string> StreetNames =
    [
        "Main St", "Elm St", "Oak St", "Maple St", "Pine St", "Cedar St", "Church St", "School St", "Mill St", "Water St",
        "Spring St", "High St", "Park St", "Union St", "Pleasant St", "Washington St", "Center St", "Prospect St", "Walnut St", "Chestnut St",
        "Bridge St", "Railroad St", "Summer St", "Winter St", "Franklin St", "Jefferson St", "Lincoln St", "Highland Ave", "Hillside Rd", "Lake Rd",
        "River Rd", "Meadow Ln", "Orchard Ln", "Birch Rd", "Willow Ln", "Sunset Dr", "Forest Dr", "Valley Rd", "Ridge Rd", "Academy St",
        "Depot St", "Grove St", "Liberty St", "Market St", "Pearl St", "Central St", "Green St", "Court St", "Front St", "Cherry St",
        "Hickory Ln", "Spruce St", "Hemlock Rd", "Beech St", "Aspen Ln", "Laurel St", "Holly Ln", "Poplar St", "Sycamore St", "Juniper Ln",
    ];

    private const double MetersPerDegreeLat = 111_132;
    private const double SideOffset = 12;

    private readonly double originLat;
    private readonly double originLong;
    private readonly double metersPerDegreeLong;
    private readonly Dictionary<(string Number, string Street), (double Lat, double Long)> houses = [];
    private readonly List<(string Number, string Street, double Lat, double Long)> rows = [];

    /// <param name="originLat">The south-west corner (where the first street meets the first avenue).</param>
    /// <param name="blockMeters">Distance between streets, and between avenues.</param>
    /// <param name="spacing">Distance between houses along a street.</param>
    public SyntheticTown(double originLat, double originLong, int streets, int avenues, double blockMeters = 160, double spacing = 15)
    {
        this.originLat = originLat;
        this.originLong = originLong;
        metersPerDegreeLong = MetersPerDegreeLat * Math.Cos(originLat * Math.PI / 180);
        Streets = StreetNames.Take(Math.Min(streets, StreetNames.Count)).ToList();
        Avenues = Enumerable.Range(1, avenues).Select(i => $"{Ordinal(i)} Ave").ToList();
        BlockMeters = blockMeters;
        var width = (avenues - 1) * blockMeters;
        var height = (Streets.Count - 1) * blockMeters;
        for (var s = 0; s < Streets.Count; s++)
        {
            Lay(Streets[s], width, along => (s * blockMeters, along), spacing);
        }

        for (var a = 0; a < Avenues.Count; a++)
        {
            Lay(Avenues[a], height, along => (along, a * blockMeters), spacing, northSouth: true);
        }
    }

    public IReadOnlyList<string> Streets { get; }

    public IReadOnlyList<string> Avenues { get; }

    public double BlockMeters { get; }

    public IReadOnlyList<(string Number, string Street, double Lat, double Long)> Addresses => rows;

    /// <summary>Where a house truly is; null when the town has no such house.</summary>
    public (double Lat, double Long)? House(string number, string street) =>
        houses.TryGetValue((number, street), out var point) ? point : null;

    /// <summary>Where street <paramref name="street"/> (index) crosses avenue <paramref name="avenue"/> (index).</summary>
    public (double Lat, double Long) Corner(int street, int avenue) => Point(street * BlockMeters, avenue * BlockMeters);

    /// <summary>The town as an OpenAddresses CSV; <paramref name="style"/> writes the street names as a county's file does (upper case, say).</summary>
    public string ToCsv(Func<string, string>? style = null)
    {
        var csv = new StringBuilder("LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID,HASH\n");
        foreach (var (number, street, lat, lon) in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{lon:0.0000000},{lat:0.0000000},{number},{(style ?? (s => s))(street)},,Synthetic,,VT,05602,,\n");
        }

        return csv.ToString();
    }

    public static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private void Lay(string street, double length, Func<double, (double North, double East)> at, double spacing, bool northSouth = false)
    {
        var count = (int)(length / spacing);
        for (var k = 1; k < count; k++)
        {
            var (north, east) = at(k * spacing);
            foreach (var even in new[] { true, false })
            {
                var number = ((2 * k) + (even ? 0 : 1) + 8).ToString(CultureInfo.InvariantCulture);
                var side = even ? SideOffset : -SideOffset;
                var point = northSouth ? Point(north, east + side) : Point(north + side, east);
                houses[(number, street)] = point;
                rows.Add((number, street, point.Lat, point.Long));
            }
        }
    }

    private (double Lat, double Long) Point(double north, double east) =>
        (originLat + (north / MetersPerDegreeLat), originLong + (east / metersPerDegreeLong));
}

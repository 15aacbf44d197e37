using System.Globalization;

namespace Open311.Core.Places;

/// <summary>
/// One town's address points in memory, by canonical street key and by the key's variants (a phrase that leaves out
/// "North" or "Street" still meets the street). It answers an <see cref="AddressMention"/> with a point and an honest
/// accuracy, or with the reason it cannot: a street it does not know, a number too far from any it knows, two streets
/// that could be meant.
/// </summary>
public sealed class AddressIndex
{
    /// <summary>Two streets whose nearest address points are further apart than this do not meet.</summary>
    public const double MaxCrossingGap = 80;

    /// <summary>Streets that run within this angle of each other near their closest points are neighbours, not a corner.</summary>
    public const double MinCrossingAngle = 30;

    /// <summary>A missing number is placed from neighbours at most this many numbers away.</summary>
    public const int MaxNumberGap = 20;

    private const double MetersPerDegree = 111_320;

    private readonly Dictionary<string, Street> byKey = new(StringComparer.Ordinal);

    // Each street's points by grid cell of MaxCrossingGap metres, made when a crossing first asks: the nearest pair of
    // two streets is then found among neighbouring cells, not by comparing every point with every point.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Street, Dictionary<(int X, int Y), List<StreetAddress>>> grids = new();
    private readonly Dictionary<string, List<Street>> byVariant = new(StringComparer.Ordinal);
    private readonly double longitudeScale;

    public AddressIndex(string jurisdictionId, string name, IEnumerable<Street> streets)
    {
        JurisdictionId = jurisdictionId;
        Name = name;
        longitudeScale = 1;
        foreach (var street in streets)
        {
            if (street.Addresses.Count == 0 || !byKey.TryAdd(street.Key, street))
            {
                continue;
            }

            if (AddressCount == 0)
            {
                longitudeScale = Math.Max(0.01, Math.Cos(street.Addresses[0].Lat * Math.PI / 180));
            }

            AddressCount += street.Addresses.Count;
            foreach (var variant in StreetName.Variants(street.Key))
            {
                if (!byVariant.TryGetValue(variant, out var list))
                {
                    byVariant[variant] = list = [];
                }

                list.Add(street);
            }
        }
    }

    public string JurisdictionId { get; }

    public string Name { get; }

    public int AddressCount { get; }

    public int StreetCount => byKey.Count;

    /// <summary>The place a mention names in this town, or null with <paramref name="why"/> it was not found.</summary>
    /// <param name="streetLevel">Whether a street alone may be answered with the street's middle (the source allows it).</param>
    public FoundPlace? Find(AddressMention mention, bool streetLevel, out string why)
    {
        var streets = Candidates(mention.Street);
        if (streets.Count == 0)
        {
            why = $"{Name}'s address points have no street '{mention.Street}'";
            return null;
        }

        return mention.Kind switch
        {
            AddressMentionKind.House when mention.Number is { } number => House(mention, streets, number, out why),
            AddressMentionKind.Intersection when mention.CrossStreet is { } cross => Crossing(mention, streets, Candidates(cross), cross, out why),
            _ => StreetOnly(mention, streets, streetLevel, out why),
        };
    }

    /// <summary>The streets a written name can mean: its own key when the town has it, else every street sharing a variant.</summary>
    public IReadOnlyList<Street> Candidates(string written)
    {
        var key = StreetName.Normalize(written);
        if (key.Length == 0)
        {
            return [];
        }

        if (byKey.TryGetValue(key, out var exact))
        {
            return [exact];
        }

        return StreetName.Variants(key)
            .SelectMany(v => byVariant.GetValueOrDefault(v) ?? [])
            .Distinct()
            .ToList();
    }

    private FoundPlace? House(AddressMention mention, IReadOnlyList<Street> streets, string number, out string why)
    {
        var answers = streets.Select(s => (Street: s, Place: OnStreet(s, number, out var exact), Exact: exact)).Where(a => a.Place is not null).ToList();
        var exact = answers.Where(a => a.Exact).ToList();
        var chosen = exact.Count == 1 ? exact : answers.Count == 1 ? answers : null;
        if (chosen is [var only])
        {
            why = string.Empty;
            return only.Place! with { Evidence = $"the address '{mention.Phrase}' in {Name}'s address points ({only.Place!.Evidence})" };
        }

        why = answers.Count == 0
            ? $"{Name}'s address points have no number near {number} on {string.Join(" or ", streets.Select(s => s.Name))}"
            : $"'{mention.Phrase}' could be {string.Join(" or ", (exact.Count > 1 ? exact : answers).Select(a => a.Street.Name))} in {Name}";
        return null;
    }

    /// <summary>A number on one street: the point itself, else its neighbours' (with a larger accuracy).</summary>
    private static FoundPlace? OnStreet(Street street, string number, out bool exact)
    {
        exact = false;
        var same = street.Addresses.Where(a => string.Equals(a.Number, number, StringComparison.OrdinalIgnoreCase)).ToList();
        if (same.Count > 0)
        {
            exact = true;
            return Middle(same, 15, $"{same[0].Number} {street.Name}");
        }

        if (StreetAddress.LeadingNumber(number) is not { } wanted)
        {
            return null;
        }

        var sameValue = street.Addresses.Where(a => a.NumberValue == wanted).ToList();
        if (sameValue.Count > 0)
        {
            return Middle(sameValue, 25, $"{string.Join(", ", sameValue.Select(a => a.Number).Distinct().Take(3))} {street.Name}");
        }

        // Numbers alternate sides: the neighbours on the same side say where a missing one stands.
        var side = street.Addresses.Where(a => a.NumberValue is { } n && n % 2 == wanted % 2).ToList();
        var candidates = side.Count > 0 ? side : street.Addresses.Where(a => a.NumberValue is not null).ToList();
        var lower = candidates.Where(a => a.NumberValue < wanted).MaxBy(a => a.NumberValue);
        var upper = candidates.Where(a => a.NumberValue > wanted).MinBy(a => a.NumberValue);
        if (lower is not null && upper is not null && upper.NumberValue - lower.NumberValue <= 2 * MaxNumberGap)
        {
            var t = (double)(wanted - lower.NumberValue!.Value) / (upper.NumberValue!.Value - lower.NumberValue.Value);
            var gap = GeoDistance.Meters(lower.Lat, lower.Long, upper.Lat, upper.Long);
            return new FoundPlace(
                lower.Lat + (t * (upper.Lat - lower.Lat)),
                lower.Long + (t * (upper.Long - lower.Long)),
                Math.Max(30, gap / 2),
                $"between {lower.Number} and {upper.Number} {street.Name}");
        }

        var nearest = new[] { lower, upper }.OfType<StreetAddress>().MinBy(a => Math.Abs(a.NumberValue!.Value - wanted));
        if (nearest is not null && Math.Abs(nearest.NumberValue!.Value - wanted) <= MaxNumberGap)
        {
            return new FoundPlace(nearest.Lat, nearest.Long, 40 + (10 * Math.Abs(nearest.NumberValue.Value - wanted)), $"near {nearest.Number} {street.Name}, the nearest known number");
        }

        return null;
    }

    private FoundPlace? Crossing(AddressMention mention, IReadOnlyList<Street> first, IReadOnlyList<Street> second, string cross, out string why)
    {
        if (second.Count == 0)
        {
            why = $"{Name}'s address points have no street '{cross}'";
            return null;
        }

        var meetings = new List<(Street A, Street B, StreetAddress P, StreetAddress Q, double Gap)>();
        foreach (var a in first)
        {
            foreach (var b in second.Where(b => b != a))
            {
                var (p, q, gap) = Closest(a, b);
                if (gap <= MaxCrossingGap && Angle(a, p, b, q) is null or >= MinCrossingAngle)
                {
                    meetings.Add((a, b, p, q, gap));
                }
            }
        }

        if (meetings.Count == 0)
        {
            why = $"{string.Join(" or ", first.Select(s => s.Name))} and {string.Join(" or ", second.Select(s => s.Name))} do not meet in {Name}'s address points";
            return null;
        }

        // Two pairs of streets that meet in different places: the phrase does not say which corner.
        var best = meetings.MinBy(m => m.Gap);
        if (meetings.Any(m => GeoDistance.Meters(m.P.Lat, m.P.Long, best.P.Lat, best.P.Long) > 2 * MaxCrossingGap))
        {
            why = $"'{mention.Phrase}' could be {string.Join(" or ", meetings.Select(m => $"{m.A.Name} / {m.B.Name}").Distinct())} in {Name}";
            return null;
        }

        why = string.Empty;
        return new FoundPlace(
            (best.P.Lat + best.Q.Lat) / 2,
            (best.P.Long + best.Q.Long) / 2,
            Math.Max(40, (best.Gap / 2) + 25),
            $"the corner '{mention.Phrase}' in {Name}'s address points (where {best.A.Name} and {best.B.Name} meet)");
    }

    private FoundPlace? StreetOnly(AddressMention mention, IReadOnlyList<Street> streets, bool streetLevel, out string why)
    {
        if (streets.Count > 1)
        {
            why = $"'{mention.Phrase}' could be {string.Join(" or ", streets.Select(s => s.Name))} in {Name}";
            return null;
        }

        if (!streetLevel)
        {
            why = $"'{mention.Phrase}' names only a street, {streets[0].Name}, and this source does not take a street's middle for a place";
            return null;
        }

        why = string.Empty;
        var middle = Middle(streets[0].Addresses, 0, streets[0].Name);
        var reach = streets[0].Addresses.Max(a => GeoDistance.Meters(middle.Lat, middle.Long, a.Lat, a.Long));
        return middle with { AccuracyMeters = Math.Max(50, reach), Evidence = $"the street '{mention.Phrase}' in {Name}'s address points (its middle)" };
    }

    private static FoundPlace Middle(IReadOnlyList<StreetAddress> points, double accuracy, string evidence)
    {
        var lat = points.Average(p => p.Lat);
        var lon = points.Average(p => p.Long);
        var spread = points.Max(p => GeoDistance.Meters(lat, lon, p.Lat, p.Long));
        return new FoundPlace(lat, lon, Math.Max(accuracy, spread + 10), evidence);
    }

    /// <summary>The angle (0–90°) between two streets where they come closest, each read from its points within a block; null when a street has too few.</summary>
    private static double? Angle(Street a, StreetAddress p, Street b, StreetAddress q)
    {
        if (Direction(a, p) is not { } first || Direction(b, q) is not { } second)
        {
            return null;
        }

        var difference = Math.Abs(first - second) % 180;
        return difference > 90 ? 180 - difference : difference;
    }

    /// <summary>The main axis (degrees, 0–180) of a street's points near <paramref name="near"/>: the principal component of their spread.</summary>
    private static double? Direction(Street street, StreetAddress near)
    {
        var cos = Math.Cos(near.Lat * Math.PI / 180);
        var points = street.Addresses
            .Where(a => GeoDistance.Meters(a.Lat, a.Long, near.Lat, near.Long) <= 200)
            .Select(a => (X: (a.Long - near.Long) * cos, Y: a.Lat - near.Lat))
            .ToList();
        if (points.Count < 3)
        {
            return null;
        }

        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        var syy = points.Sum(p => (p.Y - my) * (p.Y - my));
        var sxy = points.Sum(p => (p.X - mx) * (p.Y - my));
        var degrees = 0.5 * Math.Atan2(2 * sxy, sxx - syy) * 180 / Math.PI;
        return degrees < 0 ? degrees + 180 : degrees;
    }

    /// <summary>The nearest pair of points of two streets, if any lies within <see cref="MaxCrossingGap"/>.</summary>
    private (StreetAddress P, StreetAddress Q, double Gap) Closest(Street a, Street b)
    {
        var grid = grids.GetOrAdd(b, Grid);
        var best = (P: a.Addresses[0], Q: b.Addresses[0], Gap: double.MaxValue);
        foreach (var p in a.Addresses)
        {
            var (x, y) = Cell(p);
            for (var dx = -1; dx <= 1; dx++)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    foreach (var q in grid.GetValueOrDefault((x + dx, y + dy)) ?? [])
                    {
                        var gap = GeoDistance.Meters(p.Lat, p.Long, q.Lat, q.Long);
                        if (gap < best.Gap)
                        {
                            best = (p, q, gap);
                        }
                    }
                }
            }
        }

        return best;
    }

    private Dictionary<(int X, int Y), List<StreetAddress>> Grid(Street street)
    {
        var grid = new Dictionary<(int X, int Y), List<StreetAddress>>();
        foreach (var point in street.Addresses)
        {
            var cell = Cell(point);
            if (!grid.TryGetValue(cell, out var list))
            {
                grid[cell] = list = [];
            }

            list.Add(point);
        }

        return grid;
    }

    // Cells MaxCrossingGap metres wide at the town's latitude (a town spans too little for that to change).
    private (int X, int Y) Cell(StreetAddress p) =>
        ((int)Math.Floor(p.Long * MetersPerDegree * longitudeScale / MaxCrossingGap), (int)Math.Floor(p.Lat * MetersPerDegree / MaxCrossingGap));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{JurisdictionId}: {AddressCount} addresses on {StreetCount} streets");
}

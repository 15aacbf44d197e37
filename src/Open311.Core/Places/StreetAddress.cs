namespace Open311.Core.Places;

/// <summary>One address point of a town's gazetteer: the house number as published ("12", "12B"), its unit, the point.</summary>
public sealed record StreetAddress(string Number, string? Unit, double Lat, double Long, string? Postcode)
{
    /// <summary>The number's leading digits ("12B" → 12, "1204-1206" → 1204); null when it has none.</summary>
    public int? NumberValue { get; } = LeadingNumber(Number);

    public static int? LeadingNumber(string? number)
    {
        var digits = 0;
        var value = 0;
        foreach (var c in number ?? string.Empty)
        {
            if (!char.IsAsciiDigit(c) || digits == 9)
            {
                break;
            }

            value = (value * 10) + (c - '0');
            digits++;
        }

        return digits == 0 ? null : value;
    }
}

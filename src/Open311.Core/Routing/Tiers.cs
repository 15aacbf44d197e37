namespace Open311.Core.Routing;

/// <summary>
/// How local a tier is, for "most local first". Unknown tiers sit between districts and counties: a special
/// district, a ward or a park authority is usually smaller than a county.
/// </summary>
public static class Tiers
{
    private static readonly Dictionary<string, int> Ranks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["neighbourhood"] = 5, ["neighborhood"] = 5, ["ward"] = 8,
        ["city"] = 10, ["town"] = 10, ["village"] = 10, ["municipality"] = 10, ["borough"] = 10, ["township"] = 12,
        ["district"] = 20, ["special_district"] = 20,
        ["county"] = 30, ["parish"] = 30,
        ["region"] = 35,
        ["state"] = 40, ["province"] = 40, ["territory"] = 40,
        ["national"] = 50, ["nation"] = 50, ["country"] = 50,
    };

    public static int Rank(string tier) => Ranks.GetValueOrDefault(tier, 25);
}

using System.Globalization;

namespace Open311.Server.Tests.Infrastructure;

/// <summary>Builds POST Service Request forms the way real clients send them.</summary>
public static class Forms
{
    public static FormUrlEncodedContent Request(string apiKey, string serviceCode, params (string Name, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("api_key", apiKey),
            new("service_code", serviceCode),
        };
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        return new FormUrlEncodedContent(fields);
    }

    public static (string, string)[] At(double lat, double lon) =>
        [("lat", lat.ToString(CultureInfo.InvariantCulture)), ("long", lon.ToString(CultureInfo.InvariantCulture))];

    public static (string, string)[] InRiverton(params (string, string)[] extra) => [.. At(Towns.Lat, Towns.Long), .. extra];
}

using System.Globalization;

namespace Open311.Server.Tests.Infrastructure;

/// <summary>Builds POST forms (requests, updates) the way real clients send them.</summary>
public static class Forms
{
    public static FormUrlEncodedContent Request(string apiKey, string serviceCode, params (string Name, string Value)[] extra) =>
        Of([("api_key", apiKey), ("service_code", serviceCode), .. extra]);

    /// <summary>Any form, fields in the order given (a repeated name is sent twice).</summary>
    public static FormUrlEncodedContent Of(params (string Name, string Value)[] fields) =>
        new(fields.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));

    public static (string, string)[] At(double lat, double lon) =>
        [("lat", lat.ToString(CultureInfo.InvariantCulture)), ("long", lon.ToString(CultureInfo.InvariantCulture))];

    public static (string, string)[] InRiverton(params (string, string)[] extra) => [.. At(Towns.Lat, Towns.Long), .. extra];
}

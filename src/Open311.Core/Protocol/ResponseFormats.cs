namespace Open311.Core.Protocol;

public static class ResponseFormats
{
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Reads the <c>{format}</c> route value; anything but xml/json is null (the caller answers in XML).</summary>
    public static ResponseFormat? Parse(string? suffix) => suffix?.ToLowerInvariant() switch
    {
        "xml" => ResponseFormat.Xml,
        "json" => ResponseFormat.Json,
        _ => null,
    };

    /// <summary>Guesses the format of a path we could not route: errors for <c>….json</c> come back as JSON.</summary>
    public static ResponseFormat FromPath(string? path) =>
        path is not null && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ResponseFormat.Json : ResponseFormat.Xml;

    public static string ContentType(ResponseFormat format) =>
        format == ResponseFormat.Json ? JsonContentType : XmlContentType;
}

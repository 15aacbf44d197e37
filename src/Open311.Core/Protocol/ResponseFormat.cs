namespace Open311.Core.Protocol;

/// <summary>The two GeoReport v2 formats, chosen by the URL suffix.</summary>
public enum ResponseFormat
{
    Xml,
    Json,
}

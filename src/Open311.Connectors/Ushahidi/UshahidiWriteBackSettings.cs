namespace Open311.Connectors.Ushahidi;

/// <summary>
/// How to write back to a deployment: its API key (a query parameter), the platform's shared secret
/// (PLATFORM_SHARED_SECRET, signs the request) and the survey field that receives "311 request {id}: {status}".
/// </summary>
public sealed class UshahidiWriteBackSettings
{
    public string? ApiKey { get; set; }

    public string? SharedSecret { get; set; }

    public string? FieldKey { get; set; }
}

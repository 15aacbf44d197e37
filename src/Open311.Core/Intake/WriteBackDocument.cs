namespace Open311.Core.Intake;

/// <summary>
/// How to write back to an Ushahidi deployment: its API key (a query parameter), the platform's shared secret
/// (PLATFORM_SHARED_SECRET, signs the request) and the survey field that receives "311 request {id}: {status}".
/// Secrets are write-only through the manage API.
/// </summary>
public sealed class WriteBackDocument
{
    public string? ApiKey { get; set; }

    public string? SharedSecret { get; set; }

    public string? FieldKey { get; set; }
}

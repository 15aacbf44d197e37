namespace Open311.Connectors.Ushahidi;

/// <summary>An Ushahidi source's own settings, beside the shared ones in the source document (snake_case JSON).</summary>
public sealed class UshahidiSettings
{
    /// <summary>The deployment's base URL, e.g. https://potres2020.ushahidi.io.</summary>
    public string? DeploymentUrl { get; set; }

    /// <summary>v3 (default) or v5.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>The webhook URL exactly as registered in the deployment: it is part of the signed message.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The webhook's shared secret (write-only).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The key of the survey field holding the location (default: the first value that looks like {lat, lon}).</summary>
    public string? LocationKey { get; set; }

    /// <summary>The key of the survey field holding media ids (v3 values / webhook); v5 media fields are found by type.</summary>
    public string? MediaKey { get; set; }

    /// <summary>Optional: write the 311 id and status back onto the post (the platform's webhook post-update endpoint).</summary>
    public UshahidiWriteBackSettings? WriteBack { get; set; }

    public string Api => ApiVersion ?? "v3";

    public string? Deployment => DeploymentUrl?.TrimEnd('/');
}

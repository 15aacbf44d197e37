namespace Open311.Core.Intake;

/// <summary>A connector source as the manage API reads and writes it (snake_case JSON).</summary>
public sealed class SourceDocument
{
    /// <summary>ushahidi (email and social sources come later).</summary>
    public string? Type { get; set; }

    /// <summary>The deployment's base URL, e.g. https://potres2020.ushahidi.io.</summary>
    public string? DeploymentUrl { get; set; }

    /// <summary>v3 (default) or v5.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>The webhook URL exactly as registered in the deployment: it is part of the signed message.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The webhook's shared secret. Write-only: GET shows "(hidden)"; sending "(hidden)" back keeps it.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The key of the survey field holding the location (default: the first value that looks like {lat, lon}).</summary>
    public string? LocationKey { get; set; }

    /// <summary>The key of the survey field holding media ids (v3 values / webhook); v5 media fields are found by type.</summary>
    public string? MediaKey { get; set; }

    /// <summary>Source category (tag id or name, survey id, field value) → service code or category word.</summary>
    public Dictionary<string, string>? CategoryMap { get; set; }

    /// <summary>The service that takes what nothing else matches (e.g. "general_feedback"); none: unroutable.</summary>
    public string? TriageService { get; set; }

    /// <summary>Locations rounded more than this (hide-location deployments) need a person to place them. Default 1,000 m.</summary>
    public double? MaxAccuracyMeters { get; set; }

    /// <summary>Optional: write the 311 id and status back onto the post (Ushahidi's webhook post-update endpoint).</summary>
    public WriteBackDocument? WriteBack { get; set; }

    public SourceSettings Settings(string id) => new(
        id,
        (CategoryMap ?? []).ToDictionary(p => p.Key.Trim().ToLowerInvariant(), p => p.Value, StringComparer.Ordinal),
        TriageService,
        MaxAccuracyMeters ?? 1000);
}

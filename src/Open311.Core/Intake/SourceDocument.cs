using System.Text.Json;
using System.Text.Json.Serialization;

namespace Open311.Core.Intake;

/// <summary>
/// A connector source as the manage API reads and writes it (snake_case JSON): its <c>type</c>, the settings every
/// source shares, and — as members beside them — the settings of its own connector, which that connector reads and
/// validates (<see cref="IConnector.Validate"/>).
/// </summary>
public sealed class SourceDocument
{
    /// <summary>The connector that owns the source: <c>email</c>, <c>social</c>, a crisis map…</summary>
    public string? Type { get; set; }

    /// <summary>Source category (tag id, survey id, hashtag, mailbox) → service code or category word.</summary>
    public Dictionary<string, string>? CategoryMap { get; set; }

    /// <summary>The service that takes what nothing else matches (e.g. "general_feedback"); none: unroutable.</summary>
    public string? TriageService { get; set; }

    /// <summary>Locations known less precisely than this need a person to place them. Default 1,000 m.</summary>
    public double? MaxAccuracyMeters { get; set; }

    /// <summary>The towns this source serves: an address phrase is looked up only in their address points, so a Main Street in two of them is a question, not a guess. None: every town.</summary>
    public List<string>? Jurisdictions { get; set; }

    /// <summary>Whether a report that names only a street ("the lights on Elm Street") may be placed at the street's middle. Default false: it needs a person.</summary>
    public bool? StreetLevelPoints { get; set; }

    /// <summary>The connector's own settings: every member not named above.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Connector { get; set; }

    /// <summary>The connector's own members read as its settings type (strict: an unknown member is an error that names it).</summary>
    public T ConnectorSettings<T>(out string? error)
        where T : class, new() =>
        Core.Jurisdictions.Documents.DocumentJson.Read<T>(JsonSerializer.Serialize(Connector ?? [], Core.Jurisdictions.Documents.DocumentJson.Options), out error);

    public SourceSettings ToSettings(string id) => new(
        id,
        (CategoryMap ?? []).ToDictionary(p => p.Key.Trim().ToLowerInvariant(), p => p.Value, StringComparer.Ordinal),
        TriageService,
        MaxAccuracyMeters ?? 1000,
        Jurisdictions ?? [],
        StreetLevelPoints ?? false);
}

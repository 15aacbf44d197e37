namespace Open311.Core.Intake;

/// <summary>What the pipeline needs to know about the source a report came from.</summary>
/// <param name="Jurisdictions">The towns the source serves: where its address phrases are looked up; empty: every town.</param>
/// <param name="StreetLevel">Whether a street alone, without a number, may stand for a report's place.</param>
public sealed record SourceSettings(
    string SourceId,
    IReadOnlyDictionary<string, string> CategoryMap,
    string? TriageServiceCode,
    double MaxAccuracyMeters,
    IReadOnlyList<string>? Jurisdictions = null,
    bool StreetLevel = false);

namespace Open311.Core.Intake;

/// <summary>What the pipeline needs to know about the source a report came from.</summary>
public sealed record SourceSettings(
    string SourceId,
    IReadOnlyDictionary<string, string> CategoryMap,
    string? TriageServiceCode,
    double MaxAccuracyMeters);

namespace Open311.Core.Intake;

/// <summary>What one poll of one source did: posts processed, and why it stopped early (null when it did not).</summary>
public sealed record PollResult(int Processed, string? Stopped);

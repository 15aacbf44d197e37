namespace Open311.Core.Jurisdictions.Remote;

/// <summary>What a catalogue sync did: how many services it copied, or why it copied none (null when it succeeded).</summary>
public sealed record SyncResult(int Services, string? Failure);

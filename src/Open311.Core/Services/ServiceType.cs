namespace Open311.Core.Services;

/// <summary>How a POST answers: an id at once (realtime), a token to exchange later (batch), or neither (blackbox).</summary>
public enum ServiceType
{
    Realtime,
    Batch,
    Blackbox,
}

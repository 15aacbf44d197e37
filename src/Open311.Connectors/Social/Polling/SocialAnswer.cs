namespace Open311.Connectors.Social;

/// <summary>
/// A network's answer, read whole within its bound, and what its rate-limit headers said: <see cref="Exhausted"/>
/// when no request is left in the window (the run stops after this page), <see cref="ResetAt"/> when it refills.
/// </summary>
internal sealed record SocialAnswer(byte[] Body, bool Exhausted, DateTimeOffset? ResetAt, string? Link);

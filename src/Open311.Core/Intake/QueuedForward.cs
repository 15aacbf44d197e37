namespace Open311.Core.Intake;

/// <summary>A received wake-up and how to remove it from the queue once its record has been looked at.</summary>
public sealed record QueuedForward(ForwardMessage Message, Func<CancellationToken, Task> CompleteAsync);

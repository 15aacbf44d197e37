namespace Open311.Core.Places;

/// <summary>Turns a what3words address (<c>///filled.count.soap</c>) into its 3 m square; only when a key is configured.</summary>
public interface IWhat3Words
{
    bool Configured { get; }

    /// <summary>The square's centre; null when the words are not an address or the service cannot be reached.</summary>
    Task<TextPoint?> ConvertAsync(string words, CancellationToken cancellationToken);
}
